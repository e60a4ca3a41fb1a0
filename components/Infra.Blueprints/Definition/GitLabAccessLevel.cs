namespace Infra.Blueprints.Definition;

/// <summary>GitLab's membership access levels, lowest first.</summary>
public enum GitLabAccessLevel
{
    Guest,
    Reporter,
    Developer,
    Maintainer,
    Owner,
}
