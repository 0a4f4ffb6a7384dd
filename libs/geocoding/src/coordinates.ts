/**
 * GCJ-02 (the obfuscated datum Chinese map services such as 高德/AMap answer in) ↔ WGS-84, with the public
 * formula (the widely published "eviltransform"/coordtransform algorithm). The inverse is iterated to
 * about 1e-7° (sub-metre). Points outside mainland China are returned unchanged.
 */
const A = 6378245.0;
const EE = 0.006693421622965943;

export interface LngLat {
  lng: number;
  lat: number;
}

function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

export function wgs84ToGcj02({ lng, lat }: LngLat): LngLat {
  if (outOfChina(lng, lat)) return { lng, lat };
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lng: lng + dLng, lat: lat + dLat };
}

/** GCJ-02 → WGS-84 by fixed-point iteration of the forward transform. */
export function gcj02ToWgs84(gcj: LngLat): LngLat {
  if (outOfChina(gcj.lng, gcj.lat)) return { ...gcj };
  let wgs = { lng: gcj.lng, lat: gcj.lat };
  for (let i = 0; i < 10; i++) {
    const back = wgs84ToGcj02(wgs);
    const dLng = back.lng - gcj.lng;
    const dLat = back.lat - gcj.lat;
    wgs = { lng: wgs.lng - dLng, lat: wgs.lat - dLat };
    if (Math.abs(dLng) < 1e-8 && Math.abs(dLat) < 1e-8) break;
  }
  return wgs;
}
