using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// The Playground's conversation WebSocket (<c>/_ws_conversation/v1/conversations/stream</c>): every message the bot
/// sends or updates arrives as a frame <c>{action, actionConversationId, message}</c>. Frames are kept so a test can
/// wait for one that arrived before it started waiting (<see cref="Mark"/> bounds the search).
/// </summary>
public sealed class ConversationStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly List<JsonObject> _frames = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private Task? _reader;

    public static Task<ConversationStream> ConnectAsync(int playgroundPort) =>
        ConnectAsync(playgroundPort, "/_ws_conversation/v1/conversations/stream");

    /// <summary>The log stream (<c>/_ws/log/stream</c>): every exchange in both directions, bot → connector calls included.</summary>
    public static Task<ConversationStream> ConnectLogAsync(int playgroundPort) => ConnectAsync(playgroundPort, "/_ws/log/stream");

    private static async Task<ConversationStream> ConnectAsync(int playgroundPort, string path)
    {
        var stream = new ConversationStream();
        await stream._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{playgroundPort}{path}"), CancellationToken.None);
        stream._reader = Task.Run(stream.ReadLoopAsync);
        return stream;
    }

    /// <summary>The number of frames so far: pass it to <see cref="WaitForAsync"/> to see only newer ones.</summary>
    public int Mark()
    {
        lock (_frames)
        {
            return _frames.Count;
        }
    }

    public IReadOnlyList<JsonObject> FramesSince(int mark)
    {
        lock (_frames)
        {
            return _frames.Skip(mark).ToList();
        }
    }

    /// <summary>The first frame after <paramref name="mark"/> that matches, or a TimeoutException listing what came.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, int mark, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = FramesSince(mark).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                var seen = string.Join("\n", FramesSince(mark).Select(f => f.ToJsonString(Json.Readable)));
                throw new TimeoutException("No matching Playground frame. Frames since mark:\n" + seen);
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_reader is not null)
            {
                await _reader;
            }
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
        _arrived.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(message.ToArray());
            message.SetLength(0);
            if (JsonNode.Parse(text) is JsonObject frame)
            {
                lock (_frames)
                {
                    _frames.Add(frame);
                }

                _arrived.Release();
            }
        }
    }
}
