// Which build of pipelab is running (Vite's define fills __BUILD_ID__ at build time).
declare const __BUILD_ID__: string | undefined;

/** The build id shown in the footer: PIPELAB_BUILD_ID, the git commit, or the package version. */
export const BUILD_ID: string = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev';
