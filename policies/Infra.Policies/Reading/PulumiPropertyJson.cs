using System.Text.Json;
using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Pulumi's JSON form of property values (as in a stack export, or a policy pack's analyzer request turned into
/// JSON) to <see cref="PropertyValue"/> trees: secrets become opaque, unknown values stay unknown.
/// </summary>
public static class PulumiPropertyJson
{
    public static PropertyValue Read(JsonElement element) => PropertyTreeReader.Read(element, previewMasks: false);

    /// <summary>One serialized resource (<c>apitype.ResourceV3</c>); a problem is reported as <see cref="StateFileException"/> naming <paramref name="source"/>.</summary>
    public static PolicyResource ReadResource(JsonElement element, string source) =>
        PropertyTreeReader.ReadResource(element, previewMasks: false, problem => new StateFileException(source, null, null, null, problem));
}
