using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace SyncBridge.Worker.Tests.Updates;

/// <summary>A <c>syncbridge</c> process started by a test, with its output kept in memory for failure messages.</summary>
internal sealed class ConsumerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ConsumerProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>The process id (to signal it).</summary>
    public int Id => _process.Id;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static ConsumerProcess Start(string workerDll, string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(workerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + workerDll);
        var consumer = new ConsumerProcess(process);
        process.OutputDataReceived += (_, e) => consumer.Append(e.Data);
        process.ErrorDataReceived += (_, e) => consumer.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return consumer;
    }

    /// <summary>SIGTERM's number; a process it ends without handling exits with 128 + this.</summary>
    public const int Sigterm = 15;

    /// <summary>Sends SIGTERM (the graceful stop a supervisor asks for), with kill(2) from libc: no kill binary needed.</summary>
    public void Terminate() => Assert.True(NativeMethods.Kill(_process.Id, Sigterm) == 0, $"kill({_process.Id}, SIGTERM) failed");

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds; fails as soon as one of <paramref name="workers"/> exits, and
    /// after <paramref name="limit"/>, with the workers' logs.
    /// </summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan limit, CancellationToken cancellationToken, params ConsumerProcess[] workers)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            foreach (var worker in workers)
            {
                Assert.False(worker.HasExited, $"a worker exited while waiting for {what}: {worker.Log}");
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"no {what} within {limit.TotalSeconds} s: {string.Join("\n----\n", workers.Select(w => w.Log))}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Kills the process (SIGKILL: no shutdown code runs) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>Waits for the process to exit on its own; kills it and fails after <paramref name="limit"/>.</summary>
    public async Task<int> WaitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await KillAsync();
            throw new TimeoutException($"the process did not finish within {limit}: {Log}");
        }

        await _process.WaitForExitAsync(CancellationToken.None); // drains the output events
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}
