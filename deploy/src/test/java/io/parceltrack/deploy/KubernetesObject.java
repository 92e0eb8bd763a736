package io.parceltrack.deploy;

import java.util.List;
import java.util.Map;

/** One object of the kustomize base: a document of a resource file, or a ConfigMap/Secret a generator makes. */
record KubernetesObject(String kind, String name, YamlNode body) {

    String where() {
        return body.where() + ": " + kind + " " + name;
    }

    /** The pod template's spec of a Deployment, StatefulSet or Job. */
    YamlNode podSpec() {
        return body.at("spec", "template", "spec");
    }

    Map<String, YamlNode> podLabels() {
        return body.at("spec", "template", "metadata", "labels").entries();
    }

    List<YamlNode> containers() {
        return podSpec().get("containers").items();
    }

    boolean isWorkload() {
        return List.of("Deployment", "StatefulSet", "Job").contains(kind);
    }
}
