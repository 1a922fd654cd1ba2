using Reconnect.Server;

await ReconnectServer.Build(args).RunAsync().ConfigureAwait(false);
