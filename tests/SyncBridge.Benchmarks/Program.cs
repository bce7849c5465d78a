using BenchmarkDotNet.Running;

namespace SyncBridge.Benchmarks;

/// <summary>Runs the benchmarks named on the command line (the Worker's own Program is referenced too, hence the namespace).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
