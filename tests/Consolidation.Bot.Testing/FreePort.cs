using System.Net;
using System.Net.Sockets;

namespace Consolidation.Bot.Testing;

public static class FreePort
{
    private const int Lowest = 15000;
    private static readonly HashSet<int> Given = [];
    private static readonly Lock Gate = new();

    /// <summary>
    /// A loopback TCP port that was free a moment ago, below the kernel's ephemeral range and never handed out twice
    /// in this process. A port the kernel picked for us (bind to 0) lies inside the ephemeral range, where the suite's
    /// many outgoing connections get their local ports too: one of them could take it before the server binds it
    /// ("address already in use", seen in CI-like runs).
    /// </summary>
    public static int Next()
    {
        var highest = EphemeralLow() - 1;
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, highest + 1);
            lock (Gate)
            {
                if (!Given.Add(port))
                {
                    continue;
                }
            }

            if (CanBind(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {highest}.");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range (Linux), 32768 where it cannot be read.</summary>
    private static int EphemeralLow()
    {
        const string path = "/proc/sys/net/ipv4/ip_local_port_range";
        var text = File.Exists(path) ? File.ReadAllText(path).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries) : [];
        return text.Length > 0 && int.TryParse(text[0], out var low) && low > Lowest + 1000 ? low : 32768;
    }

    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, string name)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"{name} did not listen on port {port} within {timeout}.");
    }
}
