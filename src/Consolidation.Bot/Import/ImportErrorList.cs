using System.Globalization;

namespace Consolidation.Bot.Import;

/// <summary>Collects the errors of one file, formatting each message in the caller's language.</summary>
internal sealed class ImportErrorList(string file, CultureInfo culture)
{
    private readonly List<ImportError> _errors = [];
    private readonly bool _japanese = ImportMessages.IsJapanese(culture);

    public string File => file;

    public IReadOnlyList<ImportError> Errors => _errors;

    public int Count => _errors.Count;

    public void Add(int row, string column, string code, string a = "", string b = "")
    {
        var text = ImportMessages.Text(code, _japanese, a, b);
        _errors.Add(new ImportError(row, column, code, ImportMessages.Format(_japanese, file, row, column, text)) { File = file });
    }
}
