using System.Runtime.CompilerServices;

namespace Reconnect;

/// <summary>
/// Calls each handler of an event on its own, so a throwing handler never stops the others: its exception goes to
/// <paramref name="failed"/> with the sender, the event's name and the handler.
/// </summary>
internal sealed class HandlerInvoker(Action<object, string, Delegate, Exception> failed)
{
    public void Invoke<T>(EventHandler<T>? handler, object sender, T args, [CallerArgumentExpression(nameof(handler))] string eventName = "")
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
#pragma warning disable CA1031 // A throwing application handler is reported and never breaks the client.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed(sender, eventName, one, ex);
            }
        }
    }
}
