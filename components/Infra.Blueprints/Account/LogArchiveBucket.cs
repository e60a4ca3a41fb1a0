namespace Infra.Blueprints.Account;

/// <summary>
/// The trail's bucket in the log archive account: versioned, object-locked in compliance mode (not even the archive's
/// administrators can shorten it), encrypted with its own KMS key, closed to the public. The key and bucket policies
/// let the trail of this environment's account write, and no one else. In central mode the security account's bucket
/// (the stack file's <c>trailBucket</c>): the component checks it belongs to <see cref="AccountId"/> and is locked so.
/// </summary>
public sealed record LogArchiveBucket(
    string Name,
    string AccountId,
    string ObjectLockMode,
    int ObjectLockDays,
    int KeyDeletionWindowDays,
    string KeyPolicy,
    string BucketPolicy);
