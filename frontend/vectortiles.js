// A collection's vector tiles (/tiles/{id}/{z}/{x}/{y}.mvt) drawn on canvas tiles: what the map shows of a
// registered layer it has no drawing of its own for (overlays.js). Mapbox Vector Tile 2.1 is a protobuf
// message; only what drawing needs is read: each feature's type, geometry and attributes.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';

/** A protobuf reader over one message: varints, zigzag, fixed 32/64-bit, length-delimited fields. */
class Reader {
  constructor(bytes, from = 0, to = bytes.length) {
    this.b = bytes;
    this.p = from;
    this.end = to;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  varint() {
    let v = 0;
    let scale = 1;
    let byte;
    do {
      byte = this.b[this.p++];
      v += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return v;
  }

  /** The fields of this message as [field number, wire type, then what it needs to be read], one at a time. */
  * fields() {
    while (this.p < this.end) {
      const key = this.varint();
      yield [Math.floor(key / 8), key & 7];
    }
  }

  /** A length-delimited field's bytes as a reader of their own, skipped here. */
  sub() {
    const n = this.varint();
    const r = new Reader(this.b, this.p, this.p + n);
    this.p += n;
    return r;
  }

  string() {
    const r = this.sub();
    return new TextDecoder().decode(this.b.subarray(r.p, r.end));
  }

  /** A packed repeated uint32 field. */
  packed() {
    const r = this.sub();
    const out = [];
    while (r.p < r.end) {
      out.push(r.varint());
    }
    return out;
  }

  skip(wire) {
    if (wire === 0) {
      this.varint();
    } else if (wire === 1) {
      this.p += 8;
    } else if (wire === 2) {
      this.p += this.varint();
    } else if (wire === 5) {
      this.p += 4;
    } else {
      throw new Error(`vector tile: wire type ${wire}`);
    }
  }
}

const zigzag = (n) => (n % 2 ? -(n + 1) / 2 : n / 2);

/** A Value message: string, float, double, int64, uint64, sint64 or bool. */
function value(r) {
  let v = null;
  for (const [field, wire] of r.fields()) {
    if (field === 1) {
      v = r.string();
    } else if (field === 2) {
      v = r.view.getFloat32(r.p, true);
      r.p += 4;
    } else if (field === 3) {
      v = r.view.getFloat64(r.p, true);
      r.p += 8;
    } else if (field === 4 || field === 5) {
      v = r.varint();
    } else if (field === 6) {
      v = zigzag(r.varint());
    } else if (field === 7) {
      v = r.varint() !== 0;
    } else {
      r.skip(wire);
    }
  }
  return v;
}

/** The geometry commands as parts (rings, lines, or one point each) of [x, y], in tile units. */
function geometry(commands) {
  const parts = [];
  let part = null;
  let x = 0;
  let y = 0;
  for (let i = 0; i < commands.length;) {
    const id = commands[i] & 7;
    const count = commands[i] >> 3;
    i++;
    if (id === 7) { // ClosePath
      if (part && part.length) {
        part.push(part[0]);
      }
      continue;
    }
    for (let k = 0; k < count; k++) {
      x += zigzag(commands[i++]);
      y += zigzag(commands[i++]);
      if (id === 1) { // MoveTo begins a part (a multipoint's MoveTo carries several: one part each)
        part = [];
        parts.push(part);
      }
      part.push([x, y]);
    }
  }
  return parts;
}

/** The tile's layers by name: { extent, features: [{ type: 1 point | 2 line | 3 polygon, parts, props }] }. */
export function decodeTile(buffer) {
  const tile = new Reader(new Uint8Array(buffer));
  const layers = {};
  for (const [field, wire] of tile.fields()) {
    if (field !== 3) {
      tile.skip(wire);
      continue;
    }
    const r = tile.sub();
    const layer = { name: '', extent: 4096, keys: [], values: [], raw: [] };
    for (const [f, w] of r.fields()) {
      if (f === 1) {
        layer.name = r.string();
      } else if (f === 2) {
        layer.raw.push(r.sub());
      } else if (f === 3) {
        layer.keys.push(r.string());
      } else if (f === 4) {
        layer.values.push(value(r.sub()));
      } else if (f === 5) {
        layer.extent = r.varint();
      } else {
        r.skip(w);
      }
    }
    layers[layer.name] = {
      extent: layer.extent,
      features: layer.raw.map((fr) => {
        const feature = { type: 0, parts: [], props: {} };
        for (const [f, w] of fr.fields()) {
          if (f === 2) {
            const tags = fr.packed();
            for (let k = 0; k + 1 < tags.length; k += 2) {
              feature.props[layer.keys[tags[k]]] = layer.values[tags[k + 1]];
            }
          } else if (f === 3) {
            feature.type = fr.varint();
          } else if (f === 4) {
            feature.parts = geometry(fr.packed());
          } else {
            fr.skip(w);
          }
        }
        return feature;
      }),
    };
  }
  return layers;
}

/**
 * A Leaflet layer of canvas tiles drawing one collection's vector tiles in one colour: areas as outlines,
 * lines as lines, points as dots with their names (lang: the gazetteer's en, ps, fa or ur). Each tile says how many features it drew
 * (data-features), its container names the collection (data-collection).
 */
export function collectionTiles(layer, { colour, pane, lang }) {
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  const Tiles = L.GridLayer.extend({
    createTile(coords, done) {
      const canvas = L.DomUtil.create('canvas');
      canvas.width = canvas.height = 256 * ratio;
      const url = layer.tiles.replace('{z}', coords.z).replace('{x}', coords.x).replace('{y}', coords.y);
      fetch(url).then(async (r) => {
        if (!r.ok) {
          throw new Error(`${url}: ${r.status}`);
        }
        const tile = r.status === 204 ? {} : decodeTile(await r.arrayBuffer());
        canvas.dataset.features = String(draw(canvas, tile[layer.id], colour, ratio, `name:${lang}`));
        done(null, canvas);
      }).catch((e) => {
        console.warn('vector tile', e);
        done(e, canvas);
      });
      return canvas;
    },
  });
  const tiles = new Tiles({ pane, minZoom: layer.minzoom || 0, maxZoom: 13, className: 'collection-tiles' });
  tiles.on('add', () => { tiles.getContainer().dataset.collection = layer.id; });
  return tiles;
}

/** Draws a tile's features of one layer, points named in the reader's language where the tile has it; returns how many. */
function draw(canvas, layer, colour, ratio, nameKey) {
  if (!layer) {
    return 0;
  }
  const ctx = canvas.getContext('2d');
  const s = (256 * ratio) / layer.extent;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = ratio;
  ctx.font = `${11 * ratio}px system-ui, sans-serif`;
  for (const f of layer.features) {
    if (f.type === 1) {
      for (const part of f.parts) {
        for (const [x, y] of part) {
          ctx.beginPath();
          ctx.arc(x * s, y * s, 2.5 * ratio, 0, 2 * Math.PI);
          ctx.fill();
          const name = f.props[nameKey] || f.props.name;
          if (name) {
            ctx.fillText(String(name), x * s + 5 * ratio, y * s + 4 * ratio);
          }
        }
      }
    } else {
      // an area is clipped at the tile's edge (or its buffer's): the cut is not its outline, so it is not stroked
      const e = layer.extent;
      const cut = (a, b) => (a[0] <= 0 && b[0] <= 0) || (a[0] >= e && b[0] >= e) || (a[1] <= 0 && b[1] <= 0) || (a[1] >= e && b[1] >= e);
      ctx.beginPath();
      for (const part of f.parts) {
        part.forEach(([x, y], i) => (i && !(f.type === 3 && cut(part[i - 1], part[i])) ? ctx.lineTo(x * s, y * s) : ctx.moveTo(x * s, y * s)));
      }
      ctx.stroke();
    }
  }
  return layer.features.length;
}
