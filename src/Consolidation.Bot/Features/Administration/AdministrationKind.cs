namespace Consolidation.Bot.Features.Administration;

/// <summary>Which change a reply is about, where the outcome alone does not say.</summary>
public enum AdministrationKind
{
    Other,
    Override,
}
