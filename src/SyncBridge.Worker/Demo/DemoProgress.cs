using System.Globalization;
using Spectre.Console;

namespace SyncBridge.Worker.Demo;

/// <summary>
/// The demo's progress: live bars (Spectre.Console) on a terminal; when the output is redirected (CI logs, files,
/// tests) one plain line per finished step with its time, since redrawn bars would only litter a log.
/// </summary>
internal sealed class DemoProgress
{
    private readonly ProgressContext? _context;
    private readonly TextWriter _lines;
    private readonly TimeProvider _time;

    private DemoProgress(ProgressContext? context, TextWriter lines, TimeProvider time)
    {
        _context = context;
        _lines = lines;
        _time = time;
    }

    public static Task<T> RunAsync<T>(TextWriter output, TimeProvider time, Func<DemoProgress, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(work);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            Interactive = InteractionSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new DemoProgress(null, output, time));
        }

        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new DemoProgress(context, output, time)));
    }

    /// <summary>A step of <paramref name="total"/> units (null: size unknown until it finishes).</summary>
    public DemoStep Start(string description, double? total)
    {
        if (_context is null)
        {
            return new DemoStep(null, sizeUnknown: true, _lines, _time);
        }

        var task = _context.AddTask(Markup.Escape(description), autoStart: true, maxValue: total is > 0 ? total.Value : 1);
        task.IsIndeterminate = total is null;
        return new DemoStep(task, total is null or <= 0, _lines, _time);
    }
}

/// <summary>One step: advance it as work is done; <see cref="Complete"/> fills its bar, or writes its line.</summary>
internal sealed class DemoStep
{
    private readonly ProgressTask? _task;
    private readonly bool _sizeUnknown;
    private readonly TextWriter _lines;
    private readonly TimeProvider _time;
    private readonly long _started;

    internal DemoStep(ProgressTask? task, bool sizeUnknown, TextWriter lines, TimeProvider time)
    {
        _task = task;
        _sizeUnknown = sizeUnknown;
        _lines = lines;
        _time = time;
        _started = time.GetTimestamp();
    }

    public void Advance(double units)
    {
        if (_task is not null && !_sizeUnknown)
        {
            _task.Value = Math.Min(_task.MaxValue, _task.Value + units);
        }
    }

    public void Set(double value)
    {
        if (_task is not null && !_sizeUnknown)
        {
            _task.Value = Math.Min(_task.MaxValue, value);
        }
    }

    public void Complete(string description)
    {
        if (_task is null)
        {
            _lines.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{description} ({_time.GetElapsedTime(_started).TotalSeconds:0.0} s)"));
            return;
        }

        _task.Description = Markup.Escape(description);
        _task.IsIndeterminate = false;
        _task.Value = _task.MaxValue;
        _task.StopTask();
    }
}
