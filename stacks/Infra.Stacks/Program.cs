using Infra.Stacks;
using Pulumi;

// The exit code tells the Pulumi language host whether the program failed.
return await Deployment.RunAsync<PlatformEnvironment>();
