using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Graph;

/// <summary>
/// Refuses to start with a Graph or connector URL that would send a token in the clear or nowhere sensible: both must be
/// absolute https URLs (plain http only to a loopback host, for the fake Graph of the tests). Half-filled credentials are
/// not refused: a deployment learns <c>Graph:TeamsAppId</c> only after the app is uploaded, and runs without Graph until then.
/// </summary>
internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var failures = new List<string>();
        Check(failures, "Graph:BaseUrl", options.BaseUrl);
        Check(failures, "Graph:ServiceUrl", options.ServiceUrl);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, string? value)
    {
        var ok = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
        if (!ok)
        {
            failures.Add($"{setting} must be an absolute https URL (http only to a loopback host): '{value}'.");
        }
    }
}
