// The SDK supports only one test deployment at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
