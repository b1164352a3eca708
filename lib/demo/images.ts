import sharp from 'sharp';

/**
 * Demo photographs, drawn at seed time because nothing can be downloaded:
 * a sky gradient, hills and a few shapes, varied by a seed number so every
 * article gets its own picture.
 */
function random(seed: number) {
  let state = seed * 2654435761 % 4294967296;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const palettes = [
  ['#87b5d9', '#e8f1f8', '#3d6b3a', '#5d8c4a', '#c9a227'],
  ['#f2b880', '#fbe3c8', '#4a5d23', '#6f8f3a', '#b5442e'],
  ['#9cc3d5', '#f0f4f5', '#2f5d62', '#5e8b7e', '#a7c4bc'],
  ['#c1d3e8', '#f5f7fa', '#41644a', '#7a9e7e', '#e9b949'],
  ['#ffd6a5', '#fff4e0', '#6b4f3a', '#9c7b5b', '#d95d39'],
  ['#b8c6db', '#eef2f7', '#355c7d', '#6c5b7b', '#c06c84'],
];

export async function drawDemoPhoto(seed: number, width = 1200, height = 675): Promise<Buffer> {
  const rnd = random(seed + 1);
  const [sky, haze, hillFar, hillNear, accent] = palettes[seed % palettes.length]!;
  const hill = (base: number, amp: number) => {
    const points: string[] = [`0,${height}`];
    for (let x = 0; x <= width; x += width / 8) {
      points.push(`${Math.round(x)},${Math.round(height * base - rnd() * amp)}`);
    }
    points.push(`${width},${height}`);
    return points.join(' ');
  };
  const shapes: string[] = [];
  const count = 3 + Math.floor(rnd() * 5);
  for (let i = 0; i < count; i++) {
    const w = 40 + rnd() * 120;
    const h = 60 + rnd() * 160;
    const x = rnd() * (width - w);
    shapes.push(`<rect x="${x.toFixed(0)}" y="${(height * 0.78 - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${i % 2 ? accent : '#f4efe6'}" opacity="0.85"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${haze}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#s)"/>
  <circle cx="${(width * (0.15 + rnd() * 0.7)).toFixed(0)}" cy="${(height * (0.12 + rnd() * 0.2)).toFixed(0)}" r="${(30 + rnd() * 40).toFixed(0)}" fill="#fff7d6" opacity="0.9"/>
  <polygon points="${hill(0.62, height * 0.25)}" fill="${hillFar}" opacity="0.8"/>
  ${shapes.join('\n  ')}
  <polygon points="${hill(0.85, height * 0.12)}" fill="${hillNear}"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 72, mozjpeg: true }).toBuffer();
}
