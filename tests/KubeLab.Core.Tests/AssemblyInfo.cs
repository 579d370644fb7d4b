// The suite runs on Linux against the real kubectl, dockerd and file modes: say so once.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
