using Consolidation.Bot.Protocol.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Consolidation.Bot.Tab;

/// <summary>
/// The tab's sign-in: the Teams SSO token (<c>authentication.getAuthToken</c> in teams-js) sent as a bearer token and
/// validated here: signed by the tenant's Entra keys, issued by the tenant (v1 or v2 issuer, and the <c>tid</c> claim),
/// for the tab's Application ID URI or its app id (<c>Tab:ClientId</c>, else <c>Bot:AppId</c>), and within its lifetime on the
/// injected clock. Tenants are
/// <c>Bot:TenantId</c> and <c>Bot:AllowedTenants</c>, as for the bot's own traffic; with none, no token is accepted.
/// </summary>
internal static class TabAuthentication
{
    public const string Scheme = "TeamsTabSso";
    public const string ObjectIdClaim = "oid";
    public const string TenantIdClaim = "tid";

    private const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static IServiceCollection AddTabAuthentication(this IServiceCollection services)
    {
        // Only the tab authenticates, by asking for this scheme (TabSignIn). ASP.NET Core makes a lone scheme the default
        // and then validates every request's bearer token with it: the Bot Connector's on each activity too, which fails
        // (another issuer) and is logged. Its switch for that is process-wide and read when the options are made: set here,
        // before the host is built, in the one place that registers a scheme.
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme)
            .Configure<IOptions<BotAuthenticationOptions>, IOptions<TabOptions>, TimeProvider>(
                (jwt, bot, tab, time) => Configure(jwt, bot.Value, tab.Value, time));
        return services;
    }

    /// <summary>The tenants whose users may sign in to the tab.</summary>
    public static IReadOnlyList<string> Tenants(BotAuthenticationOptions bot) =>
        new[] { bot.TenantId }.Concat(bot.AllowedTenants)
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// The audiences a tab token may carry: the Application ID URI (v1 tokens) and the app id (v2 tokens) of the tab's app,
    /// <c>Tab:ClientId</c> or else <c>Bot:AppId</c>.
    /// </summary>
    public static IReadOnlyList<string> Audiences(BotAuthenticationOptions bot, TabOptions tab)
    {
        if (bot.IsAppIdMissing)
        {
            return [];
        }

        var app = string.IsNullOrWhiteSpace(tab.ClientId) ? bot.AppId!.Trim() : tab.ClientId.Trim();
        return string.IsNullOrWhiteSpace(tab.Host) ? [app] : [TabOptions.ApplicationIdUri(tab.Host, app), app];
    }

    /// <summary>Why the tab can accept no token at all (null when it can): named settings for the operator's log.</summary>
    public static string? ConfigurationProblem(BotAuthenticationOptions bot) =>
        bot.IsAppIdMissing ? "Bot:AppId is empty"
        : Tenants(bot).Count == 0 ? "neither Bot:TenantId nor Bot:AllowedTenants is set"
        : null;

    private static void Configure(JwtBearerOptions jwt, BotAuthenticationOptions bot, TabOptions tab, TimeProvider time)
    {
        var tenants = Tenants(bot);
        jwt.MapInboundClaims = false;
        jwt.TimeProvider = time;
        if (ConfigurationProblem(bot) is null)
        {
            var metadata = EntraIssuers.MetadataUrl(bot, tenants[0]);
            jwt.MetadataAddress = metadata;
            // Options validation already allows only https, or http to a loopback host (a local test server).
            jwt.RequireHttpsMetadata = !new Uri(metadata).IsLoopback;
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = tenants.SelectMany(t => new[] { EntraIssuers.V1(t), EntraIssuers.V2(t) }).ToList(),
            ValidateAudience = true,
            ValidAudiences = Audiences(bot, tab),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            LifetimeValidator = TokenLifetime.Validator(time),
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        };
        jwt.Events = new JwtBearerEvents
        {
            // The issuer already names the tenant; the tid claim must agree (a token from another tenant is refused even
            // if a proxy rewrote nothing else).
            OnTokenValidated = context =>
            {
                var tid = context.Principal?.FindFirst(TenantIdClaim)?.Value;
                if (tid is null || !tenants.Contains(tid, StringComparer.OrdinalIgnoreCase))
                {
                    context.Fail("The token's tenant is not allowed.");
                }

                return Task.CompletedTask;
            },
        };
    }
}
