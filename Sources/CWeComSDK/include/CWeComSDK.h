// CWeComSDK: the data layouts of Tencent's WeCom session-archive C SDK (libWeWorkFinanceSdk_C.so,
// header WeWorkFinanceSdk_C.h, unchanged from the 2020 to the 2024-06-06 releases), copied field by
// field so Swift can read what the SDK returns.
//
// Nothing here links against the vendor library: VellumCapture dlopen()s it and resolves every
// function with dlsym(). The function prototypes (for reference; resolved at run time) are:
//
//   WeWorkFinanceSdk_t* NewSdk();
//   int  Init(WeWorkFinanceSdk_t* sdk, const char* corpid, const char* secret);
//   int  GetChatData(WeWorkFinanceSdk_t* sdk, unsigned long long seq, unsigned int limit,
//                    const char* proxy, const char* passwd, int timeout, Slice_t* chatDatas);
//   int  DecryptData(const char* encrypt_key, const char* encrypt_msg, Slice_t* msg);
//   int  GetMediaData(WeWorkFinanceSdk_t* sdk, const char* indexbuf, const char* sdkFileid,
//                     const char* proxy, const char* passwd, int timeout, MediaData_t* media_data);
//   void DestroySdk(WeWorkFinanceSdk_t* sdk);
//   Slice_t* NewSlice();  void FreeSlice(Slice_t*);
//   char* GetContentFromSlice(Slice_t*);  int GetSliceLen(Slice_t*);
//   MediaData_t* NewMediaData();  void FreeMediaData(MediaData_t*);
//   char* GetOutIndexBuf(MediaData_t*);  char* GetData(MediaData_t*);
//   int GetIndexLen(MediaData_t*);  int GetDataLen(MediaData_t*);  int IsMediaDataFinish(MediaData_t*);
#ifndef VELLUM_CWECOMSDK_H
#define VELLUM_CWECOMSDK_H

// Opaque SDK handle (imported into Swift as OpaquePointer).
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

#endif
