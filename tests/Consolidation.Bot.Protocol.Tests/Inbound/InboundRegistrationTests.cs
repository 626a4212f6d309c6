using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

public class InboundRegistrationTests
{
    [Fact]
    public async Task MapBotMessages_WithoutAddBotInbound_Throws()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapBotMessages());

        Assert.Contains("AddBotInbound", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBotInbound_BindsBotSection()
    {
        using var provider = Services(new()
        {
            ["Bot:AppId"] = "app",
            ["Bot:AllowedTenants:0"] = "t1",
            ["Bot:Inbound:TurnTimeout"] = "00:00:20",
        });

        var auth = provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        var inbound = provider.GetRequiredService<IOptions<BotInboundOptions>>().Value;
        Assert.Equal("app", auth.AppId);
        Assert.Equal(["t1"], auth.AllowedTenants);
        Assert.Equal(TimeSpan.FromSeconds(20), inbound.TurnTimeout);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(provider.GetRequiredService<IBotRequestAuthenticator>());
    }

    [Theory]
    [InlineData("Bot:OpenIdMetadataUrl", "http://login.example.com/openid")]
    [InlineData("Bot:EntraOpenIdMetadataUrl", "not a url")]
    [InlineData("Bot:MaxRequestBodyBytes", "0")]
    public void AddBotInbound_InvalidSetting_FailsValidation(string key, string value)
    {
        using var provider = Services(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);
    }

    [Theory]
    [InlineData("Bot:Inbound:TurnTimeout", "00:00:00", "TurnTimeout")]
    [InlineData("Bot:Inbound:TurnTimeout", "-00:00:05", "TurnTimeout")]
    [InlineData("Bot:Inbound:InvokeResponseBudget", "00:10:00", "InvokeResponseBudget")]
    public void AddBotInbound_TurnLimitOutOfRange_FailsValidationNamingIt(string key, string value, string named)
    {
        using var provider = Services(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotInboundOptions>>().Value);

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.ClearProviders());
        services.AddBotInbound();
        return services.BuildServiceProvider();
    }
}
