namespace Reconnect.Browser.Harness.Network;

/// <summary>
/// Every packet over a namespace's veth dropped silently, both ways, until restored: a broken path that takes the
/// signalling (TCP) and the media (UDP) down at once. The drop is an nft netdev table with an ingress hook on each end
/// of the veth (root side: what the namespace sends; inside: what it receives), so no sender learns anything: an
/// egress hook would fail the sender's <c>sendmsg</c> with ENOBUFS at once, which no broken path does. The root table
/// is named after the namespace (a crashed run's is removed as a leftover); the inside one goes with the namespace.
/// </summary>
public sealed class LinkOutage : IAsyncDisposable
{
    private readonly NetworkNamespace _namespace;

    public LinkOutage(NetworkNamespace network) => _namespace = network;

    /// <summary>True between a cut and a restore.</summary>
    public bool IsCut { get; private set; }

    /// <summary>Drops every packet over the veth from now on.</summary>
    public async Task CutAsync()
    {
        if (IsCut)
        {
            throw new InvalidOperationException($"The link of {_namespace.Name} is already cut.");
        }

        IsCut = true;
        await NftAsync(inside: false, ["-f", "-"], DropAll(_namespace.HostInterface)).ConfigureAwait(false);
        await NftAsync(inside: true, ["-f", "-"], DropAll(_namespace.InsideInterface)).ConfigureAwait(false);
    }

    /// <summary>Lets packets over the veth again: removes both tables (those a failed cut added, too).</summary>
    public async Task RestoreAsync()
    {
        if (!IsCut)
        {
            return;
        }

        foreach (var inside in new[] { true, false })
        {
            if ((await NftAsync(inside, ["list", "tables", "netdev"]).ConfigureAwait(false)).Contains($" {_namespace.TableName}\n", StringComparison.Ordinal))
            {
                await NftAsync(inside, ["delete", "table", "netdev", _namespace.TableName]).ConfigureAwait(false);
            }
        }

        IsCut = false;
    }

    /// <summary>Restores the link if it is cut.</summary>
    public async ValueTask DisposeAsync() => await RestoreAsync().ConfigureAwait(false);

    /// <summary>Runs nft in the root namespace, or inside the namespace.</summary>
    private Task<string> NftAsync(bool inside, string[] arguments, string? input = null) =>
        inside
            ? NetworkTools.RunAsync(NetworkTools.Ip, ["netns", "exec", _namespace.Name, NetworkTools.Nft, .. arguments], input)
            : NetworkTools.RunAsync(NetworkTools.Nft, arguments, input);

    /// <summary>A netdev table that drops everything arriving on <paramref name="device"/>.</summary>
    private string DropAll(string device) => $$"""
        table netdev {{_namespace.TableName}} {
          chain drop_all { type filter hook ingress device "{{device}}" priority 0; policy drop; }
        }
        """;
}
