using System.Globalization;
using System.Text.Json;
using Infra.Blueprints.Loading;
using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Reads <c>pulumi preview --json</c> (pulumi/pulumi <c>pkg/backend/display/json.go</c>: <c>steps[]</c> with
/// <c>op</c>, <c>urn</c>, <c>provider</c>, <c>oldState</c> and <c>newState</c>, each an <c>apitype.ResourceV3</c>).
/// The resources are the states the preview leads to: a step's <c>newState</c>; resources the preview deletes are
/// left out, and kept with the replaced ones as <see cref="ResourceSet.DestructiveSteps"/>. Preview prints secrets as
/// <c>[secret]</c>: they are read as opaque secrets.
/// </summary>
public static class PreviewReader
{
    /// <summary>Every step Pulumi writes (pulumi/pulumi <c>pkg/resource/deploy/step.go</c>, <c>StepOps</c>).</summary>
    private static readonly string[] KnownOps =
    [
        "same", "create", "update", "delete", "replace", "create-replacement", "delete-replaced", "read", "read-replacement",
        "refresh", "discard", "discard-replaced", "remove-pending-replace", "import", "import-replacement",
    ];

    private static readonly HashSet<string> RemovingOps = new(StringComparer.Ordinal) { "delete", "discard" };

    private static readonly HashSet<string> ReplacingOps = new(StringComparer.Ordinal) { "replace", "create-replacement", "delete-replaced" };

    private static readonly HashSet<string> OldStateOps = new(StringComparer.Ordinal) { "delete-replaced", "discard-replaced", "remove-pending-replace" };

    /// <summary>Steps that lead to a resource: Pulumi writes their <c>newState</c>, and a resource has at most one of them.</summary>
    private static readonly HashSet<string> ResultingOps = new(StringComparer.Ordinal) { "same", "create", "update", "import", "read" };

    public static ResourceSet Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }

        if (JsonSyntax.IsBlank(bytes))
        {
            throw new StateFileException(fileName, 1, 1, 0, "the file is empty; expected the JSON of `pulumi preview --json`");
        }

        var json = JsonText.WithoutBom(bytes);
        if (JsonText.FirstInvalidUtf8(json) is { } invalid)
        {
            throw new StateFileException(fileName, invalid.Line, invalid.Column, invalid.Offset,
                $"invalid UTF-8 (0x{json.Span[(int)invalid.Offset]:X2}); `pulumi preview --json` writes UTF-8 text, so the file was damaged or converted");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex) when (JsonText.FirstRepeatedKey(json) is { } repeated)
        {
            throw new StateFileException(fileName, repeated.Line, repeated.Column, null, repeated.Problem, ex);
        }
        catch (JsonException ex)
        {
            var truncated = JsonSyntax.IsValidPrefix(json.Span, default) && !JsonSyntax.IsComplete(json.Span);
            throw new StateFileException(fileName, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, null, JsonSyntax.Describe(ex, truncated), ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new StateFileException(fileName, 1, 1, null, "expected a JSON object as written by `pulumi preview --json`");
            }

            if (root.TryGetProperty("deployment", out _))
            {
                throw new StateFileException(fileName, 1, 1, null, "this is a `pulumi stack export` (it has 'deployment'), not a preview; give it with --state");
            }

            if (!root.TryGetProperty("steps", out var steps))
            {
                // Pulumi leaves 'steps' out when there are none, never its summary: what has neither is not a preview.
                return root.TryGetProperty("changeSummary", out _) || root.TryGetProperty("duration", out _)
                    ? ResourceSet.Empty
                    : throw new StateFileException(fileName, 1, 1, null, "no 'steps' and no 'changeSummary'; expected the JSON of `pulumi preview --json`");
            }

            if (steps.ValueKind != JsonValueKind.Array)
            {
                throw new StateFileException(fileName, null, null, null, "'steps' must be an array");
            }

            var byUrn = new Dictionary<string, PolicyResource>(StringComparer.Ordinal);
            var order = new List<string>();
            var destructive = new Dictionary<string, DestructiveStep>(StringComparer.Ordinal);
            var resulting = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var step in steps.EnumerateArray())
            {
                var at = index++;
                Exception Fail(string problem) => new StateFileException(fileName, null, null, null,
                    string.Create(CultureInfo.InvariantCulture, $"steps[{at}]: {problem}"));

                if (step.ValueKind != JsonValueKind.Object)
                {
                    throw Fail("expected a step object");
                }

                var op = step.TryGetProperty("op", out var opValue) && opValue.ValueKind == JsonValueKind.String ? opValue.GetString()! : "";
                if (!KnownOps.Contains(op, StringComparer.Ordinal))
                {
                    throw Fail(EchoedValues.Shorten($"'op' is {(op.Length == 0 ? "missing" : $"'{op}'")}; expected one of Pulumi's steps: {string.Join(", ", KnownOps)}"));
                }

                var urn = step.TryGetProperty("urn", out var urnValue) && urnValue.ValueKind == JsonValueKind.String ? urnValue.GetString()! : null;
                if (urn is null)
                {
                    throw Fail("step without 'urn'");
                }

                var hasNewState = step.TryGetProperty("newState", out var newState) && newState.ValueKind == JsonValueKind.Object;
                if (ResultingOps.Contains(op) && !hasNewState)
                {
                    throw Fail($"a '{op}' step without 'newState'; `pulumi preview --json` writes the state the step leads to");
                }

                if (ResultingOps.Contains(op) && !resulting.Add(urn))
                {
                    throw Fail(EchoedValues.Shorten($"a second '{op}' step for '{urn}'; a preview has one such step per resource"));
                }

                if (op == DestructiveStep.Delete || ReplacingOps.Contains(op))
                {
                    var state = step.TryGetProperty("oldState", out var old) && old.ValueKind == JsonValueKind.Object ? old
                        : step.TryGetProperty("newState", out var next) && next.ValueKind == JsonValueKind.Object ? next
                        : default;
                    if (state.ValueKind == JsonValueKind.Object && !destructive.ContainsKey(urn))
                    {
                        destructive[urn] = new DestructiveStep(op == DestructiveStep.Delete ? DestructiveStep.Delete : DestructiveStep.Replace,
                            PropertyTreeReader.ReadResource(state, previewMasks: true, Fail));
                    }
                }

                if (RemovingOps.Contains(op))
                {
                    if (byUrn.Remove(urn))
                    {
                        order.Remove(urn);
                    }

                    continue;
                }

                if (OldStateOps.Contains(op))
                {
                    continue;
                }

                if (!hasNewState)
                {
                    continue;
                }

                var resource = PropertyTreeReader.ReadResource(newState, previewMasks: true, Fail);
                if (ResourceIdentity.Problem(resource) is { } problem)
                {
                    throw Fail($"newState: {problem}");
                }
                if (!byUrn.ContainsKey(resource.Urn))
                {
                    order.Add(resource.Urn);
                }

                byUrn[resource.Urn] = resource;
            }

            return new ResourceSet(order.Select(u => byUrn[u])) { DestructiveSteps = [.. destructive.Values] };
        }
    }

    public static ResourceSet ReadFile(string path)
    {
        using var stream = StackExportReader.OpenOrFail(path);
        return Read(stream, path);
    }
}
