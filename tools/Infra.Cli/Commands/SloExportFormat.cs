namespace Infra.Cli.Commands;

/// <summary>What <c>infra slo export</c> writes.</summary>
internal enum SloExportFormat
{
    Prometheus,
    Grafana,
}
