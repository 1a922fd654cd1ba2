using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Reconnect.Benchmarks.SteadyInputBenchmarks).Assembly).Run(args);
