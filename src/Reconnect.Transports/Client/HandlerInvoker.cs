using Microsoft.Extensions.Logging;

namespace Reconnect.Transports.Client;

/// <summary>Calls each handler of an event on its own, so a throwing handler is logged and the others still run.</summary>
internal sealed class HandlerInvoker(ILogger logger)
{
    public void Invoke<T>(EventHandler<T>? handler, object sender, T args)
    {
        if (handler is null)
        {
            return;
        }

        foreach (var one in handler.GetInvocationList().Cast<EventHandler<T>>())
        {
            try
            {
                one(sender, args);
            }
#pragma warning disable CA1031 // A throwing application handler is logged and never breaks the client.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ClientLog.HandlerFailed(logger, typeof(T).Name, ex);
            }
        }
    }
}
