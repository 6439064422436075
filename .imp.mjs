const mods = process.argv.slice(2);
for (const m of mods) { const t = performance.now(); await import(m); console.log((performance.now() - t).toFixed(1).padStart(7), m); }
