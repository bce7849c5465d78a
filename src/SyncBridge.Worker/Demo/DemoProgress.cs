using Spectre.Console;

namespace SyncBridge.Worker.Demo;

/// <summary>
/// The demo's progress bars (Spectre.Console): live bars on a terminal, a line per step when the output is redirected
/// (CI logs, tests), so the demo reads well either way.
/// </summary>
internal sealed class DemoProgress
{
    private readonly ProgressContext _context;

    private DemoProgress(ProgressContext context) => _context = context;

    public static Task<T> RunAsync<T>(TextWriter output, Func<DemoProgress, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(work);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            Interactive = InteractionSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new DemoProgress(context)));
    }

    /// <summary>A bar for a step of <paramref name="total"/> units (null: size unknown until it finishes).</summary>
    public DemoStep Start(string description, double? total)
    {
        var task = _context.AddTask(Markup.Escape(description), autoStart: true, maxValue: total is > 0 ? total.Value : 1);
        task.IsIndeterminate = total is null;
        return new DemoStep(task, total is null or <= 0);
    }
}

/// <summary>One bar: advance it as work is done; <see cref="Complete"/> fills it (the real total may differ from the estimate).</summary>
internal sealed class DemoStep(ProgressTask task, bool sizeUnknown)
{
    public void Advance(double units)
    {
        if (!sizeUnknown)
        {
            task.Value = Math.Min(task.MaxValue, task.Value + units);
        }
    }

    public void Set(double value)
    {
        if (!sizeUnknown)
        {
            task.Value = Math.Min(task.MaxValue, value);
        }
    }

    public void Complete(string? description = null)
    {
        if (description is not null)
        {
            task.Description = Markup.Escape(description);
        }

        task.IsIndeterminate = false;
        task.Value = task.MaxValue;
        task.StopTask();
    }
}
