using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace Reconnect.Browser.Harness.Network;

/// <summary>
/// A network namespace joined to the root namespace by a veth pair on a /30 of 10.213.0.0/16, with a default route
/// via the root side: a host of its own, whose every packet crosses the veth (Chromium there gathers its ICE host
/// candidate on the inside address). Named <c>rcb-PID-XXXXXX</c> after this process; creating one first removes the
/// namespaces, and the nft tables named after them (<c>rcb_PID_XXXXXX</c>), that processes no longer running left
/// behind. Disposing deletes it (its veth pair and its own nft tables go with it).
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    /// <summary>What every namespace (and, with underscores, every nft table) this harness creates is named with.</summary>
    public const string Prefix = "rcb-";

    private const string TablePrefix = "rcb_";
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private bool _deleted;

    private NetworkNamespace(string name, string suffix, IPAddress hostAddress, IPAddress insideAddress)
    {
        Name = name;
        HostInterface = $"rcb{suffix}h";
        InsideInterface = $"rcb{suffix}n";
        HostAddress = hostAddress;
        InsideAddress = insideAddress;
    }

    /// <summary>The namespace's name (for <c>ip netns exec</c>).</summary>
    public string Name { get; }

    /// <summary>The nft table name that goes with this namespace (its faults), removed with the leftovers of a crashed run.</summary>
    public string TableName => Name.Replace('-', '_');

    /// <summary>The veth end in the root namespace.</summary>
    public string HostInterface { get; }

    /// <summary>The veth end inside the namespace.</summary>
    public string InsideInterface { get; }

    /// <summary>The root side's address: the inside's default gateway, and where it reaches servers in the root namespace.</summary>
    public IPAddress HostAddress { get; }

    /// <summary>The inside's address.</summary>
    public IPAddress InsideAddress { get; }

    /// <summary>Creates a namespace, its veth pair, addresses and default route, after removing the leftovers of crashed runs.</summary>
    public static async Task<NetworkNamespace> CreateAsync()
    {
        NetworkTools.Require();
        await Creating.WaitAsync().ConfigureAwait(false);
        try
        {
            await RemoveLeftoversAsync().ConfigureAwait(false);
            var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
            var (host, inside) = await FreeSubnetAsync().ConfigureAwait(false);
            var created = new NetworkNamespace(
                string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}-{suffix}"), suffix, host, inside);
            try
            {
                await created.BuildAsync().ConfigureAwait(false);
            }
            catch
            {
                await created.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return created;
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>
    /// Deletes the namespaces and root nft tables of this harness's prefix whose process (the PID in their name) no
    /// longer runs: what a crashed run left behind. Those of live processes (another run, a bench) are left alone.
    /// </summary>
    public static async Task RemoveLeftoversAsync()
    {
        NetworkTools.Require();
        foreach (var line in (await NetworkTools.IpAsync("netns", "list").ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(' ')[0];
            if (IsLeftover(name, Prefix, '-'))
            {
                await NetworkTools.IpAsync("netns", "del", name).ConfigureAwait(false);
            }
        }

        foreach (var line in (await NetworkTools.RunAsync(NetworkTools.Nft, ["list", "tables", "netdev"]).ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(' ')[^1];
            if (IsLeftover(name, TablePrefix, '_'))
            {
                await NetworkTools.RunAsync(NetworkTools.Nft, ["delete", "table", "netdev", name]).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Deletes the namespace (its veth pair and the nft tables inside go with it). Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_deleted)
        {
            return;
        }

        _deleted = true;
        if ((await NetworkTools.IpAsync("netns", "list").ConfigureAwait(false)).Split('\n').Any(l => l.Split(' ')[0] == Name))
        {
            await NetworkTools.IpAsync("netns", "del", Name).ConfigureAwait(false);
        }
    }

    private async Task BuildAsync()
    {
        await NetworkTools.IpAsync("netns", "add", Name).ConfigureAwait(false);
        await NetworkTools.IpAsync("link", "add", HostInterface, "type", "veth", "peer", "name", InsideInterface, "netns", Name).ConfigureAwait(false);
        await NetworkTools.IpAsync("addr", "add", $"{HostAddress}/30", "dev", HostInterface).ConfigureAwait(false);
        await NetworkTools.IpAsync("link", "set", HostInterface, "up").ConfigureAwait(false);
        await NetworkTools.IpAsync("-n", Name, "addr", "add", $"{InsideAddress}/30", "dev", InsideInterface).ConfigureAwait(false);
        await NetworkTools.IpAsync("-n", Name, "link", "set", InsideInterface, "up").ConfigureAwait(false);
        await NetworkTools.IpAsync("-n", Name, "link", "set", "lo", "up").ConfigureAwait(false);
        await NetworkTools.IpAsync("-n", Name, "route", "add", "default", "via", HostAddress.ToString()).ConfigureAwait(false);
    }

    /// <summary>A /30 of 10.213.0.0/16 with no address of the root namespace in it: its first address for the root side, its second inside.</summary>
    private static async Task<(IPAddress Host, IPAddress Inside)> FreeSubnetAsync()
    {
        var taken = (await NetworkTools.IpAsync("-o", "-4", "addr", "show").ConfigureAwait(false))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(fields => Array.IndexOf(fields, "inet") is var at and >= 0 ? IPAddress.Parse(fields[at + 1].Split('/')[0]).GetAddressBytes() : null)
            .OfType<byte[]>()
            .Where(b => b[0] == 10 && b[1] == 213)
            .Select(b => (b[2] << 8) | (b[3] & 0xfc))
            .ToHashSet();
        for (var tries = 0; tries < 100; tries++)
        {
            var subnet = RandomNumberGenerator.GetInt32(0, 1 << 14) << 2;
            if (!taken.Contains(subnet))
            {
                return (new IPAddress([10, 213, (byte)(subnet >> 8), (byte)((subnet & 0xff) + 1)]), new IPAddress([10, 213, (byte)(subnet >> 8), (byte)((subnet & 0xff) + 2)]));
            }
        }

        throw new InvalidOperationException("No free /30 in 10.213.0.0/16 for a namespace's veth.");
    }

    /// <summary>True for a name of <paramref name="prefix"/><c>PID</c><paramref name="separator"/>... whose PID no longer runs.</summary>
    private static bool IsLeftover(string name, string prefix, char separator)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = name[prefix.Length..];
        var end = rest.IndexOf(separator, StringComparison.Ordinal);
        return end > 0
            && int.TryParse(rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && pid != Environment.ProcessId
            && !Directory.Exists($"/proc/{pid}");
    }
}
