using System.Globalization;
using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// One resource of <c>deployment.resources[]</c> as <see cref="StackExportReader.ReadEntries"/> reads it: the resource,
/// whether Pulumi holds it pending deletion, and where it stands in the file (its <c>{</c>: 1-based line, byte in the
/// line, and byte offset in the file), for a consumer's own error about it.
/// </summary>
/// <param name="PendingDeletion">
/// The resource's <c>"delete": true</c>: "the resource should be deleted during the next update" (apitype.ResourceV3),
/// as the old half of a create-before-delete replacement, or a resource whose deletion failed. It still exists in the
/// cloud. The one decision for every consumer of the export: the reader keeps it and says so, and each consumer picks:
/// the compliance rules judge it (what is in the cloud is judged: <see cref="StackExportReader.Read"/> yields it like any
/// other), and the Kafka plan leaves it out (it compares the catalog with the live topics the stack manages; the old half
/// of a replacement is not one of them, and its successor in the same export is).
/// </param>
public sealed record StackExportEntry(PolicyResource Resource, bool PendingDeletion, int Index, string File, long Line, long Column, long ByteOffset)
{
    /// <summary>An error about this resource, at its position: <c>deployment.resources[Index]: problem</c>.</summary>
    public StateFileException Error(string problem) =>
        new(File, Line, Column, ByteOffset, string.Create(CultureInfo.InvariantCulture, $"deployment.resources[{Index}] ({Resource.Urn}): {problem}"));
}
