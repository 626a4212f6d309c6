using System.Text;

namespace Consolidation.Bot.Storage;

/// <summary>Makes arbitrary ids safe as PartitionKey/RowKey values (no / \ # ? or control characters).</summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.All(IsAllowed))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (IsAllowed(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool IsAllowed(char c) => c is not ('/' or '\\' or '#' or '?' or '%') && !char.IsControl(c);
}
