using Microsoft.Extensions.DependencyInjection.Extensions;
namespace Consolidation.Bot.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>Where the bot can write: the conversation references it records, and the proactive sender over them.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton<ConversationReferenceStore>();
        services.TryAddSingleton<IConversationReferences>(sp => sp.GetRequiredService<ConversationReferenceStore>());
        services.TryAddSingleton<ConversationReferenceRecorder>();
        services.TryAddSingleton<ProactiveMessenger>();
        services.TryAddSingleton<IProactiveMessenger>(sp => sp.GetRequiredService<ProactiveMessenger>());
        return services;
    }
}
