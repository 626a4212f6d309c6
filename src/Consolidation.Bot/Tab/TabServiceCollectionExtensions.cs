using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Consolidation.Bot.Tab;

/// <summary>The secretariat's tab: its options, sign-in, rendering and routes.</summary>
public static class TabServiceCollectionExtensions
{
    public static IServiceCollection AddSecretariatTab(this IServiceCollection services)
    {
        services.AddOptions<TabOptions>().BindConfiguration(TabOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddTabAuthentication();
        services.AddRazorComponents();
        // Japanese as characters, not numeric entities: a third of the size, and readable when saved or inspected.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<TabSignIn>();
        return services;
    }

    public static IEndpointRouteBuilder MapSecretariatTab(this IEndpointRouteBuilder app) => app.MapTabRoutes();
}
