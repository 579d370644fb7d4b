using System.Text;

namespace KubeLab.Tests.Kubeconfig.Fuzz;

/// <summary>
/// Kubeconfigs shaped like the ones cloud CLIs, minikube and kind write: certificate data, exec and auth-provider users,
/// extensions, block and flow style, quoting, comments, anchors and merge keys. Built only from the Random given.
/// </summary>
internal static class RealisticKubeconfig
{
    public static string Generate(Random random, string tag)
    {
        var yaml = new StringBuilder();
        var flow = random.Next(4) == 0;
        var contexts = Enumerable.Range(0, random.Next(0, 5)).Select(i => $"{tag}-ctx-{i}").ToArray();
        if (random.Next(5) > 0)
        {
            yaml.Append("apiVersion: v1\n");
        }

        if (random.Next(5) > 0)
        {
            yaml.Append("kind: Config\n");
        }

        if (random.Next(4) == 0)
        {
            yaml.Append("# written by a cloud CLI\n");
        }

        if (random.Next(3) == 0)
        {
            yaml.Append("preferences: {}\n");
        }

        if (contexts.Length > 0 && random.Next(4) > 0)
        {
            yaml.Append($"current-context: {Quote(random, contexts[random.Next(contexts.Length)])}\n");
        }

        yaml.Append("clusters:\n");
        var clusterCount = random.Next(0, 4);
        var anchored = false;
        for (var i = 0; i < clusterCount; i++)
        {
            var name = $"{tag}-cluster-{i}";
            if (flow)
            {
                yaml.Append($"- {{name: {name}, cluster: {{server: 'https://10.0.0.{i}:6443', certificate-authority-data: {Base64(random, 60)}}}}}\n");
                continue;
            }

            yaml.Append("- cluster:\n");
            if (!anchored && random.Next(4) == 0)
            {
                yaml.Append($"    certificate-authority-data: &ca {Base64(random, random.Next(200, 1100))}\n");
                anchored = true;
            }
            else if (anchored && random.Next(2) == 0)
            {
                yaml.Append("    certificate-authority-data: *ca\n");
            }
            else
            {
                yaml.Append($"    certificate-authority-data: {Base64(random, random.Next(200, 1100))}\n");
            }

            yaml.Append($"    server: https://{tag}-{i}.example.com{(random.Next(2) == 0 ? ":6443" : "")}\n");
            switch (random.Next(5))
            {
                case 0:
                    yaml.Append("    extensions:\n    - extension:\n        last-update: Mon, 01 Jan 2024 10:00:00 UTC\n        provider: minikube.sigs.k8s.io\n        version: v1.32.0\n      name: cluster_info\n");
                    break;
                case 1:
                    yaml.Append("    tls-server-name: kubernetes.default\n    proxy-url: http://proxy.example:3128\n");
                    break;
                case 2:
                    yaml.Append("    insecure-skip-tls-verify: true\n");
                    break;
            }

            yaml.Append($"  name: {Quote(random, name)}\n");
        }

        yaml.Append("contexts:\n");
        var baseContext = !flow && random.Next(6) == 0;
        foreach (var name in contexts)
        {
            var cluster = $"{tag}-cluster-{random.Next(Math.Max(1, clusterCount))}";
            var user = $"{tag}-user-{random.Next(3)}";
            if (flow)
            {
                yaml.Append($"- {{name: {name}, context: {{cluster: {cluster}, user: {user}{(random.Next(2) == 0 ? ", namespace: kube-system" : "")}}}}}\n");
            }
            else if (baseContext)
            {
                yaml.Append(name == contexts[0]
                    ? $"- name: {name}\n  context: &base\n    cluster: {cluster}\n    user: {user}\n"
                    : $"- name: {name}\n  context:\n    <<: *base\n    namespace: ns-{name}\n");
            }
            else
            {
                yaml.Append($"- context:\n    cluster: {cluster}\n    user: {user}\n");
                if (random.Next(3) == 0)
                {
                    yaml.Append("    namespace: \"default\"\n");
                }

                yaml.Append($"  name: {name}\n");
            }
        }

        yaml.Append("users:\n");
        for (var i = 0; i < random.Next(0, 4); i++)
        {
            yaml.Append($"- name: {tag}-user-{i}\n  user:\n");
            yaml.Append(random.Next(6) switch
            {
                0 => "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      args:\n      - eks\n      - get-token\n      - --cluster-name\n      - lab\n      command: aws\n      env:\n      - name: AWS_PROFILE\n        value: lab\n      interactiveMode: IfAvailable\n      provideClusterInfo: false\n",
                1 => "    exec: {apiVersion: client.authentication.k8s.io/v1, command: gke-gcloud-auth-plugin, installHint: 'Install gke-gcloud-auth-plugin', provideClusterInfo: true, env: null, args: null}\n",
                2 => "    auth-provider:\n      config:\n        access-token: ya29.secret\n        cmd-args: config config-helper --format=json\n        cmd-path: /usr/lib/google-cloud-sdk/bin/gcloud\n        expiry: \"2024-01-01T10:00:00Z\"\n        expiry-key: '{.credential.token_expiry}'\n        token-key: '{.credential.access_token}'\n      name: gcp\n",
                3 => $"    client-certificate-data: {Base64(random, random.Next(300, 1200))}\n    client-key-data: {Base64(random, random.Next(100, 300))}\n",
                4 => "    token: eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.c2ln\n",
                _ => "    username: admin\n    password: \"p@ss: word\"\n",
            });
        }

        if (random.Next(5) == 0)
        {
            yaml.Append("extensions:\n- name: kubelab.test/ext\n  extension: {note: kept, list: [1, two, {three: 3}]}\n");
        }

        var text = yaml.ToString();
        return random.Next(8) == 0 ? text.Replace("\n", "\r\n") : text;
    }

    private static string Quote(Random random, string value) => random.Next(4) switch
    {
        0 => $"\"{value}\"",
        1 => $"'{value}'",
        _ => value,
    };

    private static string Base64(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToBase64String(buffer);
    }
}
