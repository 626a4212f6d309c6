using System.Text.Encodings.Web;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Consolidation.Bot.Diagnostics;

/// <summary>
/// Where logs, traces and metrics go: Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with the
/// managed identity of <c>Telemetry:ManagedIdentityClientId</c>, as infra/ turns local authentication off), OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, nowhere otherwise. Outside development the console log is JSON with
/// scopes, one line an entry, so the host's log collection can parse it.
/// </summary>
public static class TelemetryExtensions
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddBotTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                // Japanese and quotes as they are, not \uXXXX escapes: the log is read by people too.
                o.JsonWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }

        var configuration = builder.Configuration;
        if (!string.IsNullOrWhiteSpace(configuration[AzureMonitorSetting]))
        {
            var clientId = configuration["Telemetry:ManagedIdentityClientId"];
            builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(BotMetrics.MeterName, Protocol.Connector.ConnectorMetrics.MeterName)).UseAzureMonitor(o =>
            {
                o.ConnectionString = configuration[AzureMonitorSetting];
                if (!string.IsNullOrWhiteSpace(clientId))
                {
                    o.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }
        else if (!string.IsNullOrWhiteSpace(configuration[OtlpSetting]))
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter())
                .WithMetrics(m => m.AddMeter(BotMetrics.MeterName, Protocol.Connector.ConnectorMetrics.MeterName)
                    .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter())
                .WithLogging(l => l.AddOtlpExporter());
        }

        return builder;
    }
}
