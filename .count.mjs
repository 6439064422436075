import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(`let n=0,own=0;export async function load(u,c,next){n++; if(u.includes("/dist/"))own++; if(n%1===0) globalThis.__x=0; const r=await next(u,c); return r;} export async function resolve(s,c,next){return next(s,c);} process.on?.("exit",()=>{});`));
