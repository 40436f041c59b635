// A fake libWeWorkFinanceSdk_C.so for tests. The behaviour, fixture layout and test cipher are
// documented in include/FakeWeComSDK.h and README.md.
#include "FakeWeComSDK.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    FAKE_OK = 0,
    FAKE_BAD_PARAMETER = 10000,
    FAKE_NETWORK = 10001,
    FAKE_SYSTEM = 10003,
    FAKE_BAD_FILEID = 10005,
    FAKE_DECRYPT_FAILED = 10006,
    FAKE_BAD_ENCRYPT_KEY = 10008,
    FAKE_ILLEGAL_IP = 10009,
    FAKE_DATA_EXPIRED = 10010,
    FAKE_CERTIFICATE = 10011,
    FAKE_INVALID_SECRET = 40001,
};

#define FAKE_DEFAULT_CHUNK (512 * 1024)

// Test hook (not part of the vendor ABI): Slice_t / MediaData_t objects allocated by NewSlice /
// NewMediaData and not yet freed, counted per calling thread, so a synchronous test can check that the
// caller frees every object it creates, on error paths too, while other tests run on other threads.
static __thread long live_slices = 0;
static __thread long live_media = 0;

void FakeWeComSDK_ThreadLiveObjects(long* slices, long* media) {
    if (slices) *slices = live_slices;
    if (media) *media = live_media;
}
#define FAKE_MAX_LIMIT 1000u

struct WeWorkFinanceSdk_t {
    char* dir;
    int initialized;
    long chat_calls;
    long media_calls;
    long fault_network;
    long fault_system;
    int fault_ip;
    int fault_cert;
    long fault_errcode;
    long fault_media_network;
    int fault_expired;
    int fault_media_endless;
    size_t chunk;
};

// ---------------------------------------------------------------------------------------------
// Small helpers

typedef struct {
    char* buf;
    size_t len;
    size_t cap;
} Buffer;

static int buffer_append(Buffer* b, const char* bytes, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->len + n + 1 > cap) cap *= 2;
        char* grown = realloc(b->buf, cap);
        if (!grown) return -1;
        b->buf = grown;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, bytes, n);
    b->len += n;
    b->buf[b->len] = '\0';
    return 0;
}

static char* join_path(const char* dir, const char* name) {
    size_t n = strlen(dir) + 1 + strlen(name) + 1;
    char* p = malloc(n);
    if (p) snprintf(p, n, "%s/%s", dir, name);
    return p;
}

// Reads a whole file. Returns NULL (and *len 0) if it cannot be opened.
static char* read_file(const char* path, size_t* len) {
    *len = 0;
    FILE* f = fopen(path, "rb");
    if (!f) return NULL;
    Buffer b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (buffer_append(&b, chunk, n) != 0) {
            free(b.buf);
            fclose(f);
            return NULL;
        }
    }
    fclose(f);
    if (!b.buf) {  // empty file
        b.buf = calloc(1, 1);
    }
    *len = b.len;
    return b.buf;
}

static uint64_t fnv1a64(const unsigned char* p, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static uint32_t fnv1a32(const unsigned char* p, size_t n) {
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x01000193u;
    }
    return h;
}

static int b64_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// Strict standard base64 ('=' padding optional). Returns malloc'd bytes or NULL when invalid.
static unsigned char* b64_decode(const char* s, size_t* out_len) {
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == '=') n--;
    if (n % 4 == 1) return NULL;
    unsigned char* out = malloc(n / 4 * 3 + 3);
    if (!out) return NULL;
    size_t o = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = b64_value((unsigned char)s[i]);
        if (v < 0) {
            free(out);
            return NULL;
        }
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (unsigned char)((acc >> bits) & 0xff);
        }
    }
    *out_len = o;
    return out;
}

static void free_slice_contents(Slice_t* s) {
    free(s->buf);
    s->buf = NULL;
    s->len = 0;
}

static void free_media_contents(MediaData_t* m) {
    free(m->outindexbuf);
    free(m->data);
    m->outindexbuf = NULL;
    m->data = NULL;
    m->out_len = 0;
    m->data_len = 0;
    m->is_finish = 0;
}

static void load_faults(WeWorkFinanceSdk_t* sdk) {
    char* path = join_path(sdk->dir, "faults");
    if (!path) return;
    FILE* f = fopen(path, "r");
    free(path);
    if (!f) return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        char word[64] = {0};
        long value = 0;
        int got = sscanf(line, "%63s %ld", word, &value);
        if (got < 1 || word[0] == '#') continue;
        if (strcmp(word, "network") == 0 && got == 2) sdk->fault_network = value;
        else if (strcmp(word, "system") == 0 && got == 2) sdk->fault_system = value;
        else if (strcmp(word, "ip") == 0) sdk->fault_ip = 1;
        else if (strcmp(word, "cert") == 0) sdk->fault_cert = 1;
        else if (strcmp(word, "errcode") == 0 && got == 2) sdk->fault_errcode = value;
        else if (strcmp(word, "media-network") == 0 && got == 2) sdk->fault_media_network = value;
        else if (strcmp(word, "expired") == 0) sdk->fault_expired = 1;
        else if (strcmp(word, "media-endless") == 0) sdk->fault_media_endless = 1;
        else if (strcmp(word, "chunk") == 0 && got == 2 && value > 0) sdk->chunk = (size_t)value;
    }
    fclose(f);
}

// ---------------------------------------------------------------------------------------------
// SDK lifecycle

WeWorkFinanceSdk_t* NewSdk(void) {
    WeWorkFinanceSdk_t* sdk = calloc(1, sizeof *sdk);
    if (sdk) sdk->chunk = FAKE_DEFAULT_CHUNK;
    return sdk;
}

int Init(WeWorkFinanceSdk_t* sdk, const char* corpid, const char* secret) {
    if (!sdk || !corpid || !secret) return FAKE_BAD_PARAMETER;
    if (strncmp(corpid, "fake:/", 6) != 0) return FAKE_BAD_PARAMETER;
    if (strcmp(secret, "bad-secret") == 0) return FAKE_INVALID_SECRET;
    free(sdk->dir);
    sdk->dir = strdup(corpid + 5);
    if (!sdk->dir) return FAKE_SYSTEM;
    load_faults(sdk);
    sdk->initialized = 1;
    return FAKE_OK;
}

void DestroySdk(WeWorkFinanceSdk_t* sdk) {
    if (!sdk) return;
    free(sdk->dir);
    free(sdk);
}

// ---------------------------------------------------------------------------------------------
// GetChatData

int GetChatData(WeWorkFinanceSdk_t* sdk, unsigned long long seq, unsigned int limit,
                const char* proxy, const char* passwd, int timeout, Slice_t* chatDatas) {
    (void)proxy;
    (void)passwd;
    (void)timeout;
    if (!sdk || !sdk->initialized || !chatDatas) return FAKE_BAD_PARAMETER;
    if (limit == 0 || limit > FAKE_MAX_LIMIT) return FAKE_BAD_PARAMETER;
    long call = ++sdk->chat_calls;
    if (sdk->fault_ip) return FAKE_ILLEGAL_IP;
    if (sdk->fault_cert) return FAKE_CERTIFICATE;
    if (call <= sdk->fault_network) return FAKE_NETWORK;
    if (call <= sdk->fault_network + sdk->fault_system) return FAKE_SYSTEM;

    free_slice_contents(chatDatas);
    Buffer out = {0};
    if (sdk->fault_errcode != 0) {
        char text[128];
        snprintf(text, sizeof text, "{\"errcode\":%ld,\"errmsg\":\"fake server error\",\"chatdata\":[]}",
                 sdk->fault_errcode);
        if (buffer_append(&out, text, strlen(text)) != 0) return FAKE_SYSTEM;
        chatDatas->buf = out.buf;
        chatDatas->len = (int)out.len;
        return FAKE_OK;
    }

    char* path = join_path(sdk->dir, "chatdata.jsonl");
    if (!path) return FAKE_SYSTEM;
    size_t file_len = 0;
    char* file = read_file(path, &file_len);
    free(path);

    const char* head = "{\"errcode\":0,\"errmsg\":\"ok\",\"chatdata\":[";
    if (buffer_append(&out, head, strlen(head)) != 0) {
        free(file);
        return FAKE_SYSTEM;
    }
    unsigned int served = 0;
    if (file) {
        char* line = file;
        char* end = file + file_len;
        while (line < end && served < limit) {
            char* nl = memchr(line, '\n', (size_t)(end - line));
            char* line_end = nl ? nl : end;
            size_t n = (size_t)(line_end - line);
            if (n > 0 && line[n - 1] == '\r') n--;
            if (n > 0) {
                char saved = line[n];
                line[n] = '\0';
                const char* key = strstr(line, "\"seq\":");
                unsigned long long record_seq = key ? strtoull(key + 6, NULL, 10) : 0;
                line[n] = saved;
                if (key && record_seq > seq) {
                    if ((served > 0 && buffer_append(&out, ",", 1) != 0) || buffer_append(&out, line, n) != 0) {
                        free(file);
                        free(out.buf);
                        return FAKE_SYSTEM;
                    }
                    served++;
                }
            }
            line = nl ? nl + 1 : end;
        }
        free(file);
    }
    if (buffer_append(&out, "]}", 2) != 0) {
        free(out.buf);
        return FAKE_SYSTEM;
    }
    chatDatas->buf = out.buf;
    chatDatas->len = (int)out.len;
    return FAKE_OK;
}

// ---------------------------------------------------------------------------------------------
// DecryptData (the documented test cipher)

int DecryptData(const char* encrypt_key, const char* encrypt_msg, Slice_t* msg) {
    if (!encrypt_key || !encrypt_msg || !msg) return FAKE_BAD_PARAMETER;
    size_t key_len = strlen(encrypt_key);
    if (key_len == 0) return FAKE_BAD_ENCRYPT_KEY;

    size_t raw_len = 0;
    unsigned char* raw = b64_decode(encrypt_msg, &raw_len);
    if (!raw) return FAKE_DECRYPT_FAILED;
    if (raw_len < 8 || memcmp(raw, "VFK1", 4) != 0) {
        free(raw);
        return FAKE_DECRYPT_FAILED;
    }
    size_t body_len = raw_len - 4;
    unsigned char* body = raw + 4;
    uint64_t state = fnv1a64((const unsigned char*)encrypt_key, key_len);
    for (size_t i = 0; i < body_len; i++) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        body[i] ^= (unsigned char)(state >> 56);
    }
    size_t plain_len = body_len - 4;
    uint32_t expected = ((uint32_t)body[plain_len] << 24) | ((uint32_t)body[plain_len + 1] << 16) |
                        ((uint32_t)body[plain_len + 2] << 8) | (uint32_t)body[plain_len + 3];
    if (fnv1a32(body, plain_len) != expected) {
        free(raw);
        return FAKE_DECRYPT_FAILED;
    }
    char* plain = malloc(plain_len + 1);
    if (!plain) {
        free(raw);
        return FAKE_SYSTEM;
    }
    memcpy(plain, body, plain_len);
    plain[plain_len] = '\0';
    free(raw);
    free_slice_contents(msg);
    msg->buf = plain;
    msg->len = (int)plain_len;
    return FAKE_OK;
}

// ---------------------------------------------------------------------------------------------
// GetMediaData

int GetMediaData(WeWorkFinanceSdk_t* sdk, const char* indexbuf, const char* sdkFileid,
                 const char* proxy, const char* passwd, int timeout, MediaData_t* media_data) {
    (void)proxy;
    (void)passwd;
    (void)timeout;
    if (!sdk || !sdk->initialized || !sdkFileid || !media_data || sdkFileid[0] == '\0') return FAKE_BAD_PARAMETER;
    long call = ++sdk->media_calls;
    if (sdk->fault_ip) return FAKE_ILLEGAL_IP;
    if (sdk->fault_expired) return FAKE_DATA_EXPIRED;
    if (call <= sdk->fault_media_network) return FAKE_NETWORK;

    unsigned long long offset = 0;
    if (indexbuf && indexbuf[0] != '\0') {
        for (const char* p = indexbuf; *p; p++) {
            if (*p < '0' || *p > '9') return FAKE_BAD_PARAMETER;
        }
        offset = strtoull(indexbuf, NULL, 10);
    }

    char name[32];
    snprintf(name, sizeof name, "media/%016llx",
             (unsigned long long)fnv1a64((const unsigned char*)sdkFileid, strlen(sdkFileid)));
    char* path = join_path(sdk->dir, name);
    if (!path) return FAKE_SYSTEM;
    size_t size = 0;
    char* file = read_file(path, &size);
    free(path);
    if (!file) return FAKE_BAD_FILEID;

    if (sdk->fault_media_endless && size > 0) offset %= size;
    if (offset > size) {
        free(file);
        return FAKE_BAD_PARAMETER;
    }
    size_t n = size - (size_t)offset;
    if (n > sdk->chunk) n = sdk->chunk;
    unsigned long long next = offset + n;
    int finished = next >= size;
    if (sdk->fault_media_endless) finished = 0;

    free_media_contents(media_data);
    media_data->data = malloc(n > 0 ? n : 1);
    media_data->outindexbuf = malloc(32);
    if (!media_data->data || !media_data->outindexbuf) {
        free(file);
        free_media_contents(media_data);
        return FAKE_SYSTEM;
    }
    memcpy(media_data->data, file + offset, n);
    free(file);
    media_data->data_len = (int)n;
    media_data->out_len = snprintf(media_data->outindexbuf, 32, "%llu", next);
    media_data->is_finish = finished;
    return FAKE_OK;
}

// ---------------------------------------------------------------------------------------------
// Slice and MediaData helpers (the vendor's "for other languages" accessors)

Slice_t* NewSlice(void) {
    Slice_t* slice = calloc(1, sizeof(Slice_t));
    if (slice) live_slices++;
    return slice;
}

void FreeSlice(Slice_t* slice) {
    if (!slice) return;
    live_slices--;
    free_slice_contents(slice);
    free(slice);
}

char* GetContentFromSlice(Slice_t* slice) { return slice ? slice->buf : NULL; }

int GetSliceLen(Slice_t* slice) { return slice ? slice->len : 0; }

MediaData_t* NewMediaData(void) {
    MediaData_t* media = calloc(1, sizeof(MediaData_t));
    if (media) live_media++;
    return media;
}

void FreeMediaData(MediaData_t* media_data) {
    if (!media_data) return;
    live_media--;
    free_media_contents(media_data);
    free(media_data);
}

char* GetOutIndexBuf(MediaData_t* media_data) { return media_data ? media_data->outindexbuf : NULL; }

char* GetData(MediaData_t* media_data) { return media_data ? media_data->data : NULL; }

int GetIndexLen(MediaData_t* media_data) { return media_data ? media_data->out_len : 0; }

int GetDataLen(MediaData_t* media_data) { return media_data ? media_data->data_len : 0; }

int IsMediaDataFinish(MediaData_t* media_data) { return media_data ? media_data->is_finish : 0; }
