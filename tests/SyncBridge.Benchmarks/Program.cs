using BenchmarkDotNet.Running;

namespace SyncBridge.Benchmarks;

// A named class in this namespace: the Worker's top-level Program (referenced assembly) would clash with a
// top-level Program here (CS0436).
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
