// Rule docs and fix templates are bundled as text by esbuild (loader '.md': 'text').
declare module '*.md' {
  const text: string;
  export default text;
}
