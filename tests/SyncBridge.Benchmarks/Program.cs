using BenchmarkDotNet.Running;

// CS0436: the Worker's top-level Program is visible here through its InternalsVisibleTo; this assembly's own is meant.
#pragma warning disable CS0436
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
