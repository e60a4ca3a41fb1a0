// The tests hand config to the SDK through process-wide environment variables, and the SDK
// supports only one test deployment at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
