using System.Globalization;
using Infra.PolicyPack.Analysis;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Started by the dotnet language host's RunPlugin as `dotnet Infra.PolicyPack.dll <engine address>`; the address
// arrives again in Handshake, and the pack never calls the engine, so the argument is not read. The engine reads
// the first line of standard output as the port, then dials 127.0.0.1:<port> with gRPC over plaintext HTTP/2
// (pulumi/pulumi sdk/go/common/resource/plugin/plugin.go). So standard output carries that line only; logs go to stderr,
// where the engine shows each line, hence warnings and errors only unless Logging__LogLevel__Default says otherwise.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
// 127.0.0.1 on a free port, plaintext HTTP/2 only (gRPC with prior knowledge). Given as the host's URL, it also
// replaces any address from the environment (the .NET container images set ASPNETCORE_HTTP_PORTS) without the
// "overriding" warnings that would reach the engine's output.
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, "");
builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, "");
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
    // A whole stack arrives in one AnalyzeStack message; Pulumi raises gRPC's 4 MiB limit to 400 MiB (pulumi-policy server.ts).
    kestrel.Limits.MaxRequestBodySize = AnalyzerService.MaximumMessageSize + 5;
    kestrel.Limits.Http2.InitialConnectionWindowSize = 8 * 1024 * 1024;
    kestrel.Limits.Http2.InitialStreamWindowSize = 4 * 1024 * 1024;
});
builder.Services.AddGrpc(grpc =>
{
    grpc.MaxReceiveMessageSize = AnalyzerService.MaximumMessageSize;
    grpc.MaxSendMessageSize = AnalyzerService.MaximumMessageSize;
    // Failures carry their own message (RpcException); an unexpected one is logged, and its type and text are not sent.
    grpc.EnableDetailedErrors = false;
    grpc.Interceptors.Add<CallOutcomes>();
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<PackState>();
builder.Services.AddSingleton<PolicyAnalysis>();
builder.Services.AddSingleton<AnalyzerService>();

var app = builder.Build();
// The generated methods with requests parsed deeper than Google.Protobuf's default nesting (AnalyzerBinding).
app.MapGrpcService(services => AnalyzerBinding.Create(services.GetRequiredService<AnalyzerService>()));

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
var port = new Uri(address).Port;
await Console.Out.WriteAsync(port.ToString(CultureInfo.InvariantCulture) + "\n");
await Console.Out.FlushAsync();
await app.WaitForShutdownAsync();
