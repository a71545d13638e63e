export type { ArtifactEntry, ArtifactStore } from './artifact-store.js';
export { DEFAULT_ARTIFACT_ROOT, LocalArtifactStore } from './local-artifact-store.js';
export { artifactSegments } from './safe-path.js';
