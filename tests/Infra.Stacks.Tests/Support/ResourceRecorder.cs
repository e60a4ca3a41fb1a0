using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Stacks.Tests.Support;

/// <summary>
/// A stack transformation that sees every resource the program creates, with the options it was
/// given: its parent, <c>protect</c>, explicit dependencies and its args. Pulumi's mocks hand the
/// engine's view of a resource over without these (no parent, secrets already unwrapped), so the
/// recorder keeps them for the export the tests build.
/// </summary>
public sealed class ResourceRecorder
{
    private readonly ConcurrentDictionary<Resource, Recorded> recorded = new(ReferenceEqualityComparer.Instance);

    public ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        recorded[args.Resource] = new Recorded(args.Options.Parent, args.Options.Protect == true, args.Options.DependsOn, args.Args);
        return null;
    }

    /// <summary>The parent given to <paramref name="resource"/>; null for a child of the stack itself.</summary>
    public Resource? ParentOf(Resource resource) => Find(resource)?.Parent;

    public bool IsProtected(Resource resource) => Find(resource)?.Protect ?? false;

    /// <summary>The resources <paramref name="resource"/> depends on: explicitly, and through the outputs its inputs read.</summary>
    public async Task<ImmutableHashSet<Resource>> DependenciesOfAsync(Resource resource)
    {
        if (Find(resource) is not { } found)
        {
            return [];
        }
        var explicitly = await OutputUtilities.GetValueAsync<ImmutableArray<Resource>>(found.DependsOn).ConfigureAwait(false);
        var dependencies = explicitly.IsDefault ? [] : explicitly.ToImmutableHashSet<Resource>(ReferenceEqualityComparer.Instance);
        foreach (var (_, input) in InputsOf(found.Args))
        {
            dependencies = dependencies.Union(await Inspect(input, nameof(DependenciesAsync)).ConfigureAwait(false) as ImmutableHashSet<Resource> ?? []);
        }
        return dependencies;
    }

    /// <summary>The names of the inputs given as secrets (<c>Output.CreateSecret</c>, secret config).</summary>
    public async Task<ImmutableSortedSet<string>> SecretInputsOfAsync(Resource resource)
    {
        var secrets = ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal);
        if (Find(resource) is not { } found)
        {
            return secrets;
        }
        foreach (var (name, input) in InputsOf(found.Args))
        {
            if (await Inspect(input, nameof(IsSecretAsync)).ConfigureAwait(false) is true)
            {
                secrets = secrets.Add(name);
            }
        }
        return secrets;
    }

    private Recorded? Find(Resource resource) => recorded.GetValueOrDefault(resource);

    /// <summary>
    /// The set inputs of an args object, by their engine names. The generated args classes carry
    /// <c>[Input("name")]</c> on the property, or for lists and maps on its backing field.
    /// </summary>
    private static IEnumerable<(string Name, object Value)> InputsOf(ResourceArgs args)
    {
        const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        for (var type = args.GetType(); type is not null && type != typeof(ResourceArgs); type = type.BaseType)
        {
            foreach (var member in type.GetMembers(Members | BindingFlags.DeclaredOnly))
            {
                // The attribute keeps the engine name to itself: it is its constructor's first argument.
                if (member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(InputAttribute)) is not { } input
                    || input.ConstructorArguments[0].Value is not string name)
                {
                    continue;
                }
                var value = member switch
                {
                    PropertyInfo property when property.GetIndexParameters().Length == 0 => property.GetValue(args),
                    FieldInfo field => field.GetValue(args),
                    _ => null,
                };
                if (value is not null)
                {
                    yield return (name, value);
                }
            }
        }
    }

    /// <summary>Calls <paramref name="method"/> with the <c>Output&lt;T&gt;</c> of an input of any <c>Input&lt;T&gt;</c> type.</summary>
    private static async Task<object?> Inspect(object input, string method)
    {
        var inputType = input.GetType();
        while (inputType is not null && !(inputType.IsGenericType && inputType.GetGenericTypeDefinition() == typeof(Input<>)))
        {
            inputType = inputType.BaseType;
        }
        if (inputType is null)
        {
            return null;
        }
        var task = (Task)typeof(ResourceRecorder).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(inputType.GetGenericArguments()[0])
            .Invoke(null, [input])!;
        await task.ConfigureAwait(false);
        return task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
    }

    private static Task<bool> IsSecretAsync<T>(Input<T> input) => Output.IsSecretAsync<T>(input);

    private static Task<ImmutableHashSet<Resource>> DependenciesAsync<T>(Input<T> input) => OutputUtilities.GetDependenciesAsync<T>(input);

    private sealed record Recorded(Resource? Parent, bool Protect, InputList<Resource> DependsOn, ResourceArgs Args);
}
