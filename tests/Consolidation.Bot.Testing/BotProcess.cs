using System.Diagnostics;
using System.Text;

namespace Consolidation.Bot.Testing;

/// <summary>
/// The bot as a separate process (<c>dotnet Consolidation.Bot.dll</c> from its own build output), configured through
/// environment variables like a deployment, so a test can kill it without warning (SIGKILL) and start it again.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process, int port, Stopwatch sinceStart)
    {
        _process = process;
        Port = port;
        SinceStart = sinceStart;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string MessagesUrl => BaseUrl + "/api/messages";

    /// <summary>Started when the process was launched: read it right after <see cref="WaitUntilReadyAsync"/> for start-up time.</summary>
    public Stopwatch SinceStart { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time the process has used so far (user and system, all threads).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The process's peak working set so far (bytes).</summary>
    public long PeakWorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The bot's build output next to this assembly's configuration (Release when the tests are Release).</summary>
    public static string BotAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var path = Path.Combine(RepoPaths.Root, "src", "Consolidation.Bot", "bin", configuration, "net10.0", "Consolidation.Bot.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the solution ({configuration}) first.");
        }
    }

    /// <summary>Launches the bot on <paramref name="port"/> with <paramref name="settings"/> as environment (keys like <c>Storage:ConnectionString</c>).</summary>
    /// <param name="workingDirectory">The content root (where appsettings.Local.json is read); the build output by default.</param>
    public static BotProcess Start(int port, IReadOnlyDictionary<string, string?> settings, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(BotAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BotAssembly);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // Development: without an app id the bot serves loopback only there (a setting may name another environment).
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            if (value is null)
            {
                info.Environment.Remove(key.Replace(":", "__", StringComparison.Ordinal));
            }
        }

        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var bot = new BotProcess(process, port, stopwatch);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200; returns the time since launch.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = SinceStart.Elapsed + timeout;
        while (SinceStart.Elapsed < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The bot exited during start-up:\n" + Output);
            }

            try
            {
                using var response = await http.GetAsync(BaseUrl + "/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return SinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"The bot was not ready within {timeout}:\n" + Output);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> and the bot's output after 30 s.</summary>
    public async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = SinceStart.Elapsed + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (SinceStart.Elapsed > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}; bot output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The exit code once the process has exited (see <see cref="WaitForExitAsync"/>).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Waits until the process exits by itself and its output is read; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no graceful shutdown, no flushing; what a crash or an evicted instance looks like.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
