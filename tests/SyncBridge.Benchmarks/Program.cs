using BenchmarkDotNet.Running;

namespace SyncBridge.Benchmarks;

// A named class (not top-level statements): the Worker's own top-level Program is visible here through
// InternalsVisibleTo, and two global Program types would clash (CS0436).
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
