// FakeWeComSDK: a test stand-in for Tencent's libWeWorkFinanceSdk_C.so with the SAME C ABI
// (built as libWeWorkFinanceSdkFake.so). It talks to no network and implements no Tencent crypto.
// See README.md beside this folder for the fixture layout; the summary is repeated here.
//
// ---------------------------------------------------------------------------------------------
// Configuration, per SDK instance (no environment variables, so tests can run in parallel):
//
//   Init(sdk, "fake:/absolute/fixture/dir", secret)
//     corpid without the "fake:" prefix, or a relative dir -> 10000 (bad parameter)
//     secret "bad-secret"                                   -> 40001 (WeCom's "invalid credential")
//
//   <dir>/chatdata.jsonl   one GetChatData record per line, ascending seq, compact JSON whose text
//                          contains "seq":<n> (e.g. written by JSONEncoder). Served verbatim.
//                          Re-read on every GetChatData call, so a test may append records later.
//   <dir>/media/<name>     media files; <name> = 16 lowercase hex digits of FNV-1a-64(sdkfileid bytes)
//   <dir>/faults           optional; read once by Init; one directive a line ('#' comments):
//       network N        the first N GetChatData calls return 10001
//       system N         the next N GetChatData calls (after the network ones) return 10003
//       ip               every GetChatData and GetMediaData returns 10009
//       cert             every GetChatData returns 10011
//       errcode N        GetChatData returns 0 with {"errcode":N,"errmsg":"fake server error","chatdata":[]}
//       media-network N  the first N GetMediaData calls return 10001
//       expired          every GetMediaData returns 10010
//       media-endless    GetMediaData never reports is_finish (cycles through the file's chunks)
//       chunk BYTES      GetMediaData chunk size (default 524288)
//
// GetChatData(sdk, seq, limit, ...): limit 0 or > 1000 -> 10000. Otherwise rc 0 and
//   {"errcode":0,"errmsg":"ok","chatdata":[<lines with seq > given seq, at most limit>]}
//
// GetMediaData(sdk, indexbuf, sdkfileid, ...): indexbuf "" or NULL = offset 0, otherwise the decimal
//   offset returned in outindexbuf by the previous call (non-digits -> 10000). Unknown file -> 10005.
//   Serves min(chunk, remaining) bytes; outindexbuf = next offset; is_finish = 1 on the last chunk.
//   data is binary and NOT NUL-terminated: read it with GetDataLen.
//
// ---------------------------------------------------------------------------------------------
// The test cipher used by DecryptData (NOT Tencent's, which is undocumented and secret):
//
//   K        = the encrypt_key C string's bytes (the RSA-decrypted random key), length n >= 1
//              (n == 0 -> 10008)
//   state    = FNV-1a-64 over K: state = 0xcbf29ce484222325; for each byte b:
//              state ^= b; state *= 0x100000001b3            (all arithmetic mod 2^64)
//   keystream byte i (i = 0, 1, ...):
//              state = state * 6364136223846793005 + 1442695040888963407;   ks[i] = state >> 56
//   body     = plaintext || be32(FNV-1a-32(plaintext))
//              (FNV-1a-32: h = 0x811c9dc5; for each byte b: h ^= b; h *= 0x01000193, mod 2^32)
//   encrypt_chat_msg = standard base64 (with '=' padding) of  "VFK1" || (body XOR ks)
//
//   DecryptData returns 10006 when encrypt_msg is not valid base64, lacks the "VFK1" magic, is
//   shorter than magic + 4, or the checksum does not match (which includes "wrong key").
//   On success the Slice holds the plaintext (len = plaintext length, buf also NUL-terminated).
// ---------------------------------------------------------------------------------------------
#ifndef VELLUM_FAKE_WECOM_SDK_H
#define VELLUM_FAKE_WECOM_SDK_H

typedef struct WeWorkFinanceSdk_t WeWorkFinanceSdk_t;

typedef struct Slice_t {
    char* buf;
    int len;
} Slice_t;

typedef struct MediaData {
    char* outindexbuf;
    int out_len;
    char* data;
    int data_len;
    int is_finish;
} MediaData_t;

#ifdef __cplusplus
extern "C" {
#endif

WeWorkFinanceSdk_t* NewSdk(void);
int Init(WeWorkFinanceSdk_t* sdk, const char* corpid, const char* secret);
int GetChatData(WeWorkFinanceSdk_t* sdk, unsigned long long seq, unsigned int limit,
                const char* proxy, const char* passwd, int timeout, Slice_t* chatDatas);
int DecryptData(const char* encrypt_key, const char* encrypt_msg, Slice_t* msg);
int GetMediaData(WeWorkFinanceSdk_t* sdk, const char* indexbuf, const char* sdkFileid,
                 const char* proxy, const char* passwd, int timeout, MediaData_t* media_data);
void DestroySdk(WeWorkFinanceSdk_t* sdk);

Slice_t* NewSlice(void);
void FreeSlice(Slice_t* slice);
char* GetContentFromSlice(Slice_t* slice);
int GetSliceLen(Slice_t* slice);

MediaData_t* NewMediaData(void);
void FreeMediaData(MediaData_t* media_data);
char* GetOutIndexBuf(MediaData_t* media_data);
char* GetData(MediaData_t* media_data);
int GetIndexLen(MediaData_t* media_data);
int GetDataLen(MediaData_t* media_data);
int IsMediaDataFinish(MediaData_t* media_data);

// Test hook, not in the vendor ABI: Slice_t / MediaData_t objects created by NewSlice / NewMediaData on
// the calling thread and not yet freed.
void FakeWeComSDK_ThreadLiveObjects(long* slices, long* media);

#ifdef __cplusplus
}
#endif

#endif
