using Reconnect.Samples.RealCall;

return await RealCallApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
