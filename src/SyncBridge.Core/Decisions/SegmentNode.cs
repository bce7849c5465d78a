using System.Collections.Frozen;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Decisions;

/// <summary>A compiled segment condition.</summary>
internal abstract class SegmentNode
{
    public abstract bool Matches(in SegmentContext context);
}

internal sealed class AllNode(SegmentNode[] children) : SegmentNode
{
    public override bool Matches(in SegmentContext context)
    {
        foreach (var child in children)
        {
            if (!child.Matches(context))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class AnyNode(SegmentNode[] children) : SegmentNode
{
    public override bool Matches(in SegmentContext context)
    {
        foreach (var child in children)
        {
            if (child.Matches(context))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class NotNode(SegmentNode child) : SegmentNode
{
    public override bool Matches(in SegmentContext context) => !child.Matches(context);
}

internal sealed class SeniorityNode(bool[] allowed) : SegmentNode
{
    public override bool Matches(in SegmentContext context) =>
        (int)context.Contact.Seniority < allowed.Length && allowed[(int)context.Contact.Seniority];
}

internal sealed class DepartmentNode(bool[] allowed) : SegmentNode
{
    public override bool Matches(in SegmentContext context) =>
        (int)context.Contact.Department < allowed.Length && allowed[(int)context.Contact.Department];
}

internal sealed class StageNode(LifecycleStage[] stages) : SegmentNode
{
    public override bool Matches(in SegmentContext context) => Array.IndexOf(stages, context.Stage) >= 0;
}

internal sealed class CountryNode(FrozenSet<string> countries) : SegmentNode
{
    public override bool Matches(in SegmentContext context) => countries.Contains(context.Contact.CountryCode);
}

internal sealed class IndustryNode(FrozenSet<string> industries) : SegmentNode
{
    public override bool Matches(in SegmentContext context) => industries.Contains(context.Contact.Company.Industry.Trim());
}

internal sealed class TitleContainsNode(string[] parts) : SegmentNode
{
    public override bool Matches(in SegmentContext context)
    {
        var title = context.Contact.Title;
        foreach (var part in parts)
        {
            if (title.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class CompanySizeNode(double min, double max) : SegmentNode
{
    public override bool Matches(in SegmentContext context) =>
        context.Contact.Company.EmployeeCount is { } n && n >= min && n <= max;
}

internal sealed class ScoreNode(double min, double max) : SegmentNode
{
    public override bool Matches(in SegmentContext context) => context.Card.Score >= min && context.Card.Score <= max;
}

internal sealed class HotNode(bool expected) : SegmentNode
{
    public override bool Matches(in SegmentContext context) => context.Card.Hot == expected;
}

internal sealed class ReengagedNode(bool expected) : SegmentNode
{
    public override bool Matches(in SegmentContext context) => context.Card.Reengaged == expected;
}

/// <summary>At least <c>minCount</c> activities of <c>type</c> (and path pattern) within the window before as-of.</summary>
internal sealed class ActivityCountNode(ActivityType type, UrlPattern? pattern, int minCount, long windowTicks) : SegmentNode
{
    public override bool Matches(in SegmentContext context)
    {
        var activities = context.Contact.Activities;
        var count = 0;
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            if (a.Type != type)
            {
                continue;
            }

            var age = context.AsOfTicks - a.OccurredAt.UtcTicks;
            if (age < 0 || age > windowTicks)
            {
                continue;
            }

            if (pattern is not null && !pattern.IsMatch(a.Detail))
            {
                continue;
            }

            if (++count >= minCount)
            {
                return true;
            }
        }

        return false;
    }
}
