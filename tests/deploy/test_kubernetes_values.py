"""deploy/kubernetes/values.yaml uses only keys the Zero to JupyterHub chart knows, with the right types.

The chart itself (jupyterhub.github.io/helm-chart) is not reachable from here, and its code is not ours
to copy, so the schema facts this file relies on are written out below by hand, from
jupyterhub/zero-to-jupyterhub-k8s, file jupyterhub/values.schema.yaml at commit 48ea50e
(2026-07-24, after chart 4.4.0; appVersion JupyterHub 5.5.0). At every level values.yaml uses, the
chart sets `additionalProperties: false`, so a misspelt key is an error there too (helm refuses it).
Re-check these lists when moving to another chart version.
"""

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
VALUES = ROOT / "deploy" / "kubernetes" / "values.yaml"
COLLECT_PVC = ROOT / "deploy" / "kubernetes" / "collect-pvc.yaml"


class Enum(tuple):
    """A leaf that must be one of these values."""


ANY = None  # a key the chart allows whose content this test does not check
OPEN = "open"  # an object with additionalProperties: true (k8s resources, env, hooks ...)


def T(*types):
    """A leaf of these JSON types."""
    return frozenset(types)


def closed(used, *other_keys):
    """An object with additionalProperties: false: `used` maps the keys values.yaml uses to their schema,
    `other_keys` are the rest of the chart's keys at that level (allowed, not checked)."""
    return {**{key: ANY for key in other_keys}, **used}


IMAGE = closed({"name": T("string"), "tag": T("string"),
                "pullPolicy": Enum([None, "", "IfNotPresent", "Always", "Never"])}, "pullSecrets")
RESOURCES = OPEN
NODE_AFFINITY = closed({"matchNodePurpose": Enum(["ignore", "prefer", "require"])})

SCHEMA = closed(
    {
        "hub": closed(
            {
                "concurrentSpawnLimit": T("integer", "null"),
                "activeServerLimit": T("integer", "null"),
                "config": closed({"JupyterHub": OPEN}),
                "db": closed(
                    {
                        "type": Enum(["sqlite-pvc", "sqlite-memory", "mysql", "postgres", "other"]),
                        "pvc": closed({"storage": T("string")},
                                      "accessModes", "annotations", "selector", "storageClassName", "subPath"),
                    },
                    "password", "upgrade", "url",
                ),
                "resources": RESOURCES,
            },
            "allowNamedServers", "annotations", "args", "authenticatePrometheus", "baseUrl",
            "command", "consecutiveFailureLimit", "containerSecurityContext", "cookieSecret", "deploymentStrategy",
            "existingSecret", "extraConfig", "extraContainers", "extraEnv", "extraFiles", "extraPodSpec",
            "extraVolumeMounts", "extraVolumes", "fsGid", "image", "initContainers", "labels", "lifecycle",
            "livenessProbe", "loadRoles", "namedServerLimitPerUser", "networkPolicy", "nodeSelector", "pdb",
            "podSecurityContext", "readinessProbe", "redirectToServer", "revisionHistoryLimit", "service",
            "serviceAccount", "services", "shutdownOnLogout", "templatePaths", "templateVars", "tolerations",
        ),
        "proxy": closed(
            {
                "service": closed(
                    {"type": Enum(["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"])},
                    "annotations", "disableHttpPort", "externalIPs", "extraPorts", "ipFamilies", "ipFamilyPolicy",
                    "labels", "loadBalancerIP", "loadBalancerSourceRanges", "nodePorts",
                ),
                "https": closed(
                    {
                        "enabled": T("boolean", "null"),
                        "type": Enum([None, "", "letsencrypt", "manual", "offload", "secret"]),
                        "hosts": T("array"),
                        "letsencrypt": closed({"contactEmail": T("string", "null")}, "acmeServer"),
                    },
                    "manual", "secret",
                ),
                "chp": closed(
                    {"resources": RESOURCES},
                    "command", "containerSecurityContext", "defaultTarget", "errorTarget", "extraCommandLineFlags",
                    "extraEnv", "extraPodSpec", "image", "livenessProbe", "networkPolicy", "nodeSelector", "pdb",
                    "readinessProbe", "revisionHistoryLimit", "tolerations",
                ),
            },
            "annotations", "deploymentStrategy", "labels", "secretSync", "secretToken", "traefik",
        ),
        "singleuser": closed(
            {
                "image": IMAGE,
                "memory": closed({"guarantee": T("number", "string", "null"), "limit": T("number", "string", "null")}),
                "cpu": closed({"guarantee": T("number", "null"), "limit": T("number", "null")}),
                "startTimeout": T("integer", "null"),
                "defaultUrl": T("string", "null"),
                "lifecycleHooks": closed({"postStart": OPEN}, "preStop"),
                "extraEnv": T("object", "array"),
                "storage": closed(
                    {
                        "type": Enum(["dynamic", "static", "none"]),
                        "capacity": T("string", "null"),
                        "homeMountPath": T("string"),
                        "extraVolumes": T("object", "array", "null"),
                        "extraVolumeMounts": T("object", "array", "null"),
                    },
                    "dynamic", "extraLabels", "static",
                ),
            },
            "allowPrivilegeEscalation", "cloudMetadata", "cmd", "events", "extraAnnotations", "extraContainers",
            "extraFiles", "extraLabels", "extraNodeAffinity", "extraPodAffinity", "extraPodAntiAffinity",
            "extraPodConfig", "extraResource", "extraTolerations", "fsGid", "initContainers", "networkPolicy",
            "networkTools", "nodeSelector", "podNameTemplate", "profileList", "serviceAccountName", "uid",
        ),
        "cull": closed(
            {
                "enabled": T("boolean"),
                "timeout": T("integer", "null"),
                "every": T("integer", "null"),
                "maxAge": T("integer", "null"),
                "users": T("boolean", "null"),
                "concurrency": T("integer", "null"),
            },
            "adminUsers", "removeNamedServers",
        ),
        "scheduling": closed(
            {
                "userScheduler": closed(
                    {"enabled": T("boolean")},
                    "annotations", "containerSecurityContext", "extraPodSpec", "image", "labels", "logLevel",
                    "nodeSelector", "pdb", "pluginConfig", "plugins", "replicas", "resources",
                    "revisionHistoryLimit", "serviceAccount", "tolerations",
                ),
                "podPriority": closed(
                    {"enabled": T("boolean")},
                    "defaultPriority", "globalDefault", "imagePullerPriority", "userPlaceholderPriority",
                ),
                "userPlaceholder": closed(
                    {"enabled": T("boolean"), "replicas": T("integer")},
                    "annotations", "containerSecurityContext", "extraPodSpec", "image", "labels", "resources",
                    "revisionHistoryLimit",
                ),
                "corePods": closed({"nodeAffinity": NODE_AFFINITY}, "tolerations"),
                "userPods": closed({"nodeAffinity": NODE_AFFINITY}, "tolerations"),
            },
        ),
        "prePuller": closed(
            {
                "hook": closed(
                    {"enabled": T("boolean")},
                    "containerSecurityContext", "daemonsetAnnotations", "image", "nodeSelector",
                    "podSchedulingWaitDuration", "pullOnlyOnChanges", "resources", "serviceAccount",
                    "serviceAccountImagePuller", "tolerations",
                ),
                "continuous": closed({"enabled": T("boolean")}, "daemonsetAnnotations", "serviceAccount"),
            },
            "annotations", "containerSecurityContext", "extraImages", "extraTolerations", "labels", "pause",
            "pullProfileListImages", "resources", "revisionHistoryLimit",
        ),
    },
    "custom", "debug", "enabled", "fullnameOverride", "global", "httpRoute", "imagePullSecret",
    "imagePullSecrets", "ingress", "nameOverride", "rbac",
)

_JSON_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "null": lambda v: v is None,
}


def check(value, schema, path="") -> list[str]:
    """Every problem as 'dotted.path: message'."""
    where = path or "<top>"
    if schema is ANY:
        return []
    if schema == OPEN:
        return [] if isinstance(value, dict) else [f"{where}: expected a mapping"]
    if isinstance(schema, Enum):
        return [] if value in schema else [f"{where}: {value!r} is not one of {list(schema)}"]
    if isinstance(schema, frozenset):
        ok = any(_JSON_TYPES[t](value) for t in schema)
        return [] if ok else [f"{where}: {value!r} is not of type {sorted(schema)}"]
    if not isinstance(value, dict):
        return [f"{where}: expected a mapping"]
    problems = []
    for key, sub in value.items():
        here = f"{path}.{key}" if path else str(key)
        if key not in schema:
            problems.append(f"{here}: unknown key (allowed: {', '.join(sorted(schema))})")
        else:
            problems.extend(check(sub, schema[key], here))
    return problems


def load(path=VALUES):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


# --- the checker can fail -----------------------------------------------------------------------

def test_a_misspelt_key_is_caught():
    values = load()
    values["singleuser"]["memory"]["limt"] = values["singleuser"]["memory"].pop("limit")
    assert check(values, SCHEMA) == ["singleuser.memory.limt: unknown key (allowed: guarantee, limit)"]


def test_an_unknown_top_level_key_is_caught():
    assert check({"singleUser": {}}, SCHEMA)[0].startswith("singleUser: unknown key")


@pytest.mark.parametrize(
    "path, bad",
    [
        (("singleuser", "cpu", "limit"), "1"),  # a string where the chart wants a number
        (("cull", "timeout"), "1h"),
        (("cull", "enabled"), "yes"),
        (("hub", "db", "type"), "sqlite"),  # not in the enum
        (("scheduling", "userPods", "nodeAffinity", "matchNodePurpose"), "prefered"),
    ],
)
def test_a_wrong_type_or_value_is_caught(path, bad):
    values = load()
    node = values
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = bad
    problems = check(values, SCHEMA)
    assert len(problems) == 1 and problems[0].startswith(".".join(path) + ":")


# --- the file -----------------------------------------------------------------------------------

def test_values_match_the_chart_schema():
    assert check(load(), SCHEMA) == []


_UNITS = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}


def to_bytes(quantity) -> int:
    number, unit = re.fullmatch(r"([0-9.]+)([KMG]i?)?", str(quantity)).groups()
    return int(float(number) * _UNITS[unit or ""])


# Measured with the project's venv (deploy/kubernetes/README.md, "Resources"), resident set sizes:
SERVER_MB = 95  # jupyter lab, three sessions open
KERNEL_AFTER_NOTEBOOK_MB = {"01_anatomy": 119, "02_technique": 119, "03_progressions": 66}


def test_memory_covers_the_measured_footprint():
    memory = load()["singleuser"]["memory"]
    guarantee, limit = to_bytes(memory["guarantee"]), to_bytes(memory["limit"])
    two_worked = SERVER_MB + sum(sorted(KERNEL_AFTER_NOTEBOOK_MB.values())[-2:])
    all_three = SERVER_MB + sum(KERNEL_AFTER_NOTEBOOK_MB.values())
    assert guarantee >= 1.3 * two_worked * 10**6  # head room for figure redraws and the hub extension
    assert limit >= 2 * all_three * 10**6
    assert guarantee <= limit


def test_cpu_guarantee_is_below_its_limit():
    cpu = load()["singleuser"]["cpu"]
    assert 0 < cpu["guarantee"] <= cpu["limit"]


def test_culling_stops_idle_servers_within_a_teaching_day():
    cull = load()["cull"]
    assert cull["enabled"] is True
    assert 0 < cull["every"] < cull["timeout"] < cull["maxAge"] <= 12 * 3600


def test_progress_lives_on_the_students_volume_and_submissions_on_the_shared_one():
    singleuser = load()["singleuser"]
    env, storage = singleuser["extraEnv"], singleuser["storage"]
    assert env["PSOAS_PROGRESS_DIR"].startswith(storage["homeMountPath"].rstrip("/") + "/")
    mounts = {m["mountPath"]: m["name"] for m in storage["extraVolumeMounts"]}
    assert env["PSOAS_COLLECT_DIR"] in mounts
    collect_mount = next(m for m in storage["extraVolumeMounts"] if m["mountPath"] == env["PSOAS_COLLECT_DIR"])
    assert collect_mount["subPath"] == "{unescaped_username}"  # each student sees only their own folder
    volumes = {v["name"]: v for v in storage["extraVolumes"]}
    claim = volumes[mounts[env["PSOAS_COLLECT_DIR"]]]["persistentVolumeClaim"]["claimName"]
    pvc = load(COLLECT_PVC)
    assert pvc["kind"] == "PersistentVolumeClaim" and pvc["metadata"]["name"] == claim
    assert pvc["spec"]["accessModes"] == ["ReadWriteMany"]  # every student's pod mounts it at once


def test_nbgitpuller_pulls_the_image_tag_into_the_folder_the_default_url_opens():
    singleuser = load()["singleuser"]
    command = singleuser["lifecycleHooks"]["postStart"]["exec"]["command"]
    puller = re.search(r"gitpuller (\S+) (\S+) (\S+) \|\| true", command[-1])
    assert puller, "postStart runs gitpuller URL BRANCH DIR and never fails the start"
    _url, ref, folder = puller.groups()
    assert ref == singleuser["image"]["tag"]  # notebooks and psoas_lib from the same commit
    assert singleuser["defaultUrl"].startswith(f"/voila/render/{folder}/notebooks/")  # students see Voila pages
