using System.Collections.Frozen;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Decisions;

/// <summary>
/// Compiles <see cref="SegmentCondition"/> trees into <see cref="SegmentNode"/>s, reporting every problem with
/// the setting path it sits at (e.g. <c>SyncBridge:Decisions:Segments:Definitions:vip:Any:1:Seniority</c>).
/// </summary>
internal static class SegmentCompiler
{
    public static SegmentNode? Compile(SegmentCondition? condition, string path, List<string> errors)
    {
        if (condition is null)
        {
            errors.Add($"{path} is empty: a segment condition needs at least one test.");
            return null;
        }

        var nodes = new List<SegmentNode>();
        if (condition.All is { } all)
        {
            nodes.Add(new AllNode(Children(all, path + ":All", errors)));
        }

        if (condition.Any is { } any)
        {
            nodes.Add(new AnyNode(Children(any, path + ":Any", errors)));
        }

        if (condition.Not is { } not && Compile(not, path + ":Not", errors) is { } notChild)
        {
            nodes.Add(new NotNode(notChild));
        }

        if (condition.Seniority is { } seniority)
        {
            var allowed = new bool[8];
            foreach (var value in seniority)
            {
                var found = Enum.GetValues<Seniority>().Where(s => s.ToWireName().Equals(value?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
                if (found.Count == 0)
                {
                    errors.Add($"{path}:Seniority: '{value}' is not a seniority (executive, director, manager, individual_contributor, unknown).");
                }

                found.ForEach(s => allowed[(int)s] = true);
            }

            nodes.Add(new SeniorityNode(allowed));
        }

        if (condition.Department is { } department)
        {
            var allowed = new bool[16];
            foreach (var value in department)
            {
                var found = Enum.GetValues<Department>().Where(d => d != Department.None && d.ToWireName().Equals(value?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
                if (found.Count == 0)
                {
                    errors.Add($"{path}:Department: '{value}' is not a department (marketing, sales, engineering, it, finance, hr, operations, executive, other).");
                }

                found.ForEach(d => allowed[(int)d] = true);
            }

            nodes.Add(new DepartmentNode(allowed));
        }

        if (condition.LifecycleStage is { } stages)
        {
            var parsed = new List<LifecycleStage>();
            foreach (var value in stages)
            {
                if (LifecycleStageNames.TryParse(value, out var stage))
                {
                    parsed.Add(stage);
                }
                else
                {
                    errors.Add($"{path}:LifecycleStage: '{value}' is not a lifecycle stage.");
                }
            }

            nodes.Add(new StageNode([.. parsed]));
        }

        if (condition.Country is { } countries)
        {
            nodes.Add(new CountryNode(NonBlank(countries, path + ":Country", errors).ToFrozenSet(StringComparer.OrdinalIgnoreCase)));
        }

        if (condition.Industry is { } industries)
        {
            nodes.Add(new IndustryNode(NonBlank(industries, path + ":Industry", errors).ToFrozenSet(StringComparer.OrdinalIgnoreCase)));
        }

        if (condition.TitleContains is { } titles)
        {
            nodes.Add(new TitleContainsNode([.. NonBlank(titles, path + ":TitleContains", errors)]));
        }

        if (condition.CompanySize is { } size && Range(size, path + ":CompanySize", errors) is { } sizeRange)
        {
            nodes.Add(new CompanySizeNode(sizeRange.Min, sizeRange.Max));
        }

        if (condition.Score is { } score && Range(score, path + ":Score", errors) is { } scoreRange)
        {
            nodes.Add(new ScoreNode(scoreRange.Min, scoreRange.Max));
        }

        if (condition.ClickedWithinDays is { } clicked)
        {
            nodes.Add(new ActivityCountNode(ActivityType.EmailClick, null, 1, Days(clicked, path + ":ClickedWithinDays", errors)));
        }

        if (condition.AttendedEventWithinDays is { } attended)
        {
            nodes.Add(new ActivityCountNode(ActivityType.EventAttended, null, 1, Days(attended, path + ":AttendedEventWithinDays", errors)));
        }

        if (condition.ViewedUrl is { } viewed)
        {
            if (!UrlPattern.IsValid(viewed.Pattern))
            {
                errors.Add($"{path}:ViewedUrl:Pattern: '{viewed.Pattern}' must start with '/' or '*'.");
            }
            else if (viewed.MinCount < 1)
            {
                errors.Add($"{path}:ViewedUrl:MinCount: {viewed.MinCount} must be at least 1.");
            }
            else
            {
                var window = viewed.WithinDays is { } days ? Days(days, path + ":ViewedUrl:WithinDays", errors) : long.MaxValue;
                nodes.Add(new ActivityCountNode(ActivityType.PageView, UrlPattern.Compile(viewed.Pattern), viewed.MinCount, window));
            }
        }

        if (condition.Hot is { } hot)
        {
            nodes.Add(new HotNode(hot));
        }

        if (condition.Reengaged is { } reengaged)
        {
            nodes.Add(new ReengagedNode(reengaged));
        }

        if (nodes.Count == 0)
        {
            errors.Add($"{path} has no test: set one of All, Any, Not, Seniority, Department, Country, Industry, LifecycleStage, TitleContains, CompanySize, Score, ClickedWithinDays, AttendedEventWithinDays, ViewedUrl, Hot, Reengaged.");
            return null;
        }

        return nodes.Count == 1 ? nodes[0] : new AllNode([.. nodes]);
    }

    private static SegmentNode[] Children(List<SegmentCondition> children, string path, List<string> errors)
    {
        if (children.Count == 0)
        {
            errors.Add($"{path} is an empty list.");
        }

        var nodes = new List<SegmentNode>(children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            if (Compile(children[i], $"{path}:{i}", errors) is { } node)
            {
                nodes.Add(node);
            }
        }

        return [.. nodes];
    }

    private static List<string> NonBlank(List<string> values, string path, List<string> errors)
    {
        var result = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
        if (result.Count == 0)
        {
            errors.Add($"{path} needs at least one non-blank value.");
        }

        return result;
    }

    private static (double Min, double Max)? Range(SegmentRange range, string path, List<string> errors)
    {
        var min = range.Min ?? double.NegativeInfinity;
        var max = range.Max ?? double.PositiveInfinity;
        if (range.Min is null && range.Max is null)
        {
            errors.Add($"{path} needs Min, Max or both.");
            return null;
        }

        if (min > max)
        {
            errors.Add($"{path}: Min ({min}) is greater than Max ({max}).");
            return null;
        }

        return (min, max);
    }

    private static long Days(int days, string path, List<string> errors)
    {
        if (days < 1)
        {
            errors.Add($"{path}: {days} must be at least 1 day.");
        }

        return TimeSpan.FromDays(Math.Max(days, 1)).Ticks;
    }
}
